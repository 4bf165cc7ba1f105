/** Placeholder until the feature lands (issue 6). */
export function DialoguesPage() {
  return null;
}
