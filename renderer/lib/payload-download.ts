// Hands a payload's bytes to the browser's downloads, named after its topic.
export function downloadBytes(topic: string, seq: number | null, bytes: Uint8Array): void {
  const name = `${topic.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'payload'}${seq === null ? '' : `-${seq}`}.bin`;
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // After the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
