export function StaffApp() {
  return <main>Staff</main>;
}
