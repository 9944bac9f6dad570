export function SessionPage({ id }: { id: string }) {
  return <main>Session {id}</main>;
}
