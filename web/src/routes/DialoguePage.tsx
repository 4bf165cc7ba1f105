/** Placeholder until the feature lands (issue 6). */
export function DialoguePage() {
  return null;
}
