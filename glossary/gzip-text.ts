import { fromBase64 } from './trie-codec';

/** Gzipped text in base64 back to text, with the browser's own gzip (no library shipped for it). */
export function unpack(base64: string): Promise<string> {
  const stream = new Blob([fromBase64(base64)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
