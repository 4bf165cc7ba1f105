/** Placeholder until the feature lands (issue 6). */
export function SessionsPage() {
  return null;
}
