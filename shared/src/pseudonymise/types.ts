/** The kinds of identifying details the pseudonymisation detectors look for. */
export const DETECTION_KINDS = [
  'name',
  'national_number',
  'phone',
  'email',
  'iban',
  'address',
  'postcode',
  'birthdate',
  'plate',
  'municipality',
] as const;
export type DetectionKind = (typeof DETECTION_KINDS)[number];

export interface Detection {
  kind: DetectionKind;
  /** UTF-16 offset of the first character in the input text. */
  start: number;
  /** UTF-16 offset just after the last character (exclusive). */
  end: number;
  /** text.slice(start, end) */
  text: string;
  /**
   * Stable key for "the same real detail": all variants of one entry of the names list share `name:<index>`;
   * other detections: `<kind>:<normalised text>` (lowercase, accents folded, spaces/dots/dashes removed for numbers).
   */
  key: string;
  /** 'certain' = checksum/list match; 'likely' = heuristic (capitalised names, addresses). */
  confidence: 'certain' | 'likely';
}

export interface DetectOptions {
  /** Real names the author entered for this reflection (people, also places or organisations the author wants caught). */
  names?: readonly string[];
}

/** Builds a detection from offsets into `text`. */
export function makeDetection(
  text: string,
  kind: DetectionKind,
  start: number,
  end: number,
  key: string,
  confidence: Detection['confidence'],
): Detection {
  return { kind, start, end, text: text.slice(start, end), key, confidence };
}
