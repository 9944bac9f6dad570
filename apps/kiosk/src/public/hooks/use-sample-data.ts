import { getParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';

/** Whether the service is showing made-up sample data; false when it cannot tell. */
function fetchIsSampleData(signal: AbortSignal): Promise<boolean> {
  return getParsed('/api/meta', (s) => s.MetaSchema, signal).then(
    (meta) => meta.sampleData,
    () => false,
  );
}

/** True once the service has said it is showing made-up sample data. */
export function useSampleData(): boolean {
  const [state] = useLoad(fetchIsSampleData, 'meta');
  return state.status === 'ready' && state.data;
}
