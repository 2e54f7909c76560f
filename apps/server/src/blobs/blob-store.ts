/** Page images and PDFs, addressed by the SHA-256 of their bytes. */
export interface BlobStore {
  /** Returns only once the bytes are durable (a power cut after this loses nothing). */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}
