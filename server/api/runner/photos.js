// Photos prepared on the phone as the desktop prepares them (rundun_desktop/executor/photo_prep.py): the
// EXIF orientation applied, scaled to at most MAX_SIDE pixels on the longest side, saved as JPEG at
// QUALITY, so a 12 MP camera photo leaves the phone as a few hundred KB to a few MB.

export const MAX_SIDE = 2560;
export const QUALITY = 0.85;

export async function preparePhoto(file) {
  // imageOrientation "from-image" turns the pixels as the EXIF orientation says.
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d").drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
  if (!blob) throw new Error("the image could not be encoded");
  return blob;
}

export async function sha256Hex(blob) {
  if (!crypto.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
