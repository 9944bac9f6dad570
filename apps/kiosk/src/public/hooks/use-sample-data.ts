import { fetchIsSampleData } from '../public-api.ts';
import { useLoad } from './use-load.ts';

/** True once the service has said it is showing made-up sample data. */
export function useSampleData(): boolean {
  const state = useLoad(fetchIsSampleData, 'meta');
  return state.status === 'ready' && state.data;
}
