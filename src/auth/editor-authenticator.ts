import { createHash, timingSafeEqual } from 'node:crypto';

import type { EditorCredential } from '../config';
import type { Editor } from '../domain/model/editing.types';

/**
 * Who is calling, from `Authorization: Bearer <token>`. Tokens are compared as SHA-256 digests
 * with timingSafeEqual, against every editor without stopping at a match, so the time taken
 * reveals neither a token's characters nor its length nor which entry matched.
 */
export class EditorAuthenticator {
  private readonly digests: readonly { readonly name: string; readonly digest: Buffer }[];

  constructor(credentials: readonly EditorCredential[]) {
    this.digests = credentials.map(({ name, token }) => ({ name, digest: sha256(token) }));
  }

  /** The editor the header's token belongs to, or null for a missing, malformed or unknown token. */
  authenticate(authorization: string | undefined): Editor | null {
    const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(authorization ?? '');
    if (match === null) return null;
    const presented = sha256(match[1]);
    let editor: Editor | null = null;
    for (const { name, digest } of this.digests) {
      if (timingSafeEqual(presented, digest) && editor === null) editor = { name };
    }
    return editor;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
