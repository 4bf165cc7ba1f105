/** Placeholder until the feature lands (issue 6). */
export function SessionReportPage() {
  return null;
}
