/** Name of the Yjs XmlFragment holding the text of a reflection and of its sections. */
export const CONTENT_FIELD = 'content';
/** Caret colour until the server has given this user theirs. */
export const PROVISIONAL_COLOR = '#1d4f91';
