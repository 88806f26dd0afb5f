/** An attachment of a message activity (an Adaptive Card, a file consent card, a file info card). */
export interface Attachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}
