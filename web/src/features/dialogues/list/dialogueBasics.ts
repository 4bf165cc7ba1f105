/** The title, languages, ground rules and flag threshold of a dialogue, as the new and the edit forms hold them. */
import { DIALOGUE_LIMITS, LANGUAGES, type DialogueDetail, type Language, type UpdateDialogueRequest } from '@relab/shared';

/** What a facilitator sets when opening a dialogue and may change later: title, languages, ground rules, flags. */
export interface DialogueBasics {
  title: string;
  languages: Language[];
  rules: string;
  /** False while the rules are the suggested text, which then follows the chosen languages. */
  rulesEdited: boolean;
  flagThreshold: string;
}

export type BasicsProblem = 'title' | 'languages' | 'rules';

export const clampInt = (value: string, min: number, max: number, fallback: number) => Math.min(max, Math.max(min, Number.parseInt(value, 10) || fallback));

/** The first thing to fix before sending, or null. */
export function basicsProblem(b: DialogueBasics): BasicsProblem | null {
  if (b.title.trim().length < DIALOGUE_LIMITS.title.min) return 'title';
  if (b.languages.length === 0) return 'languages';
  if (!b.rules.trim()) return 'rules';
  return null;
}

export const flagThresholdOf = (b: DialogueBasics) =>
  clampInt(b.flagThreshold, DIALOGUE_LIMITS.flagThreshold.min, DIALOGUE_LIMITS.flagThreshold.max, DIALOGUE_LIMITS.flagThreshold.default);

/** Takes the keyboard to the field of the problem. `prefix` is the form's id prefix. */
export function focusProblem(prefix: string, problem: BasicsProblem): void {
  const id = problem === 'title' ? `${prefix}-title` : problem === 'languages' ? `${prefix}-language-${LANGUAGES[0]}` : `${prefix}-ground-rules`;
  document.getElementById(id)?.focus();
}

/** What changed between the dialogue and the form (nothing: an empty patch). */
export function basicsPatch(dialogue: Pick<DialogueDetail, 'title' | 'groundRules' | 'languages' | 'flagThreshold'>, b: DialogueBasics): UpdateDialogueRequest {
  const patch: UpdateDialogueRequest = {};
  const title = b.title.trim();
  const rules = b.rules.trim();
  const flagThreshold = flagThresholdOf(b);
  if (title !== dialogue.title) patch.title = title;
  if (rules !== dialogue.groundRules) patch.groundRules = rules;
  if (b.languages.join(',') !== dialogue.languages.join(',')) patch.languages = b.languages;
  if (flagThreshold !== dialogue.flagThreshold) patch.flagThreshold = flagThreshold;
  return patch;
}

