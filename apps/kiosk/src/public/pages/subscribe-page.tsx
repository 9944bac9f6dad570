export function SubscribePage() {
  return <main>Subscribe</main>;
}
