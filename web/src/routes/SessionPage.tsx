/** Placeholder until the feature lands (issue 6). */
export function SessionPage() {
  return null;
}
