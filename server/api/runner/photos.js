// Photos prepared on the phone as the desktop prepares them (rundun_desktop/executor/photo_prep.py): the
// EXIF orientation applied, scaled to at most MAX_SIDE pixels on the longest side, saved as JPEG at
// QUALITY, so a 12 MP camera photo leaves the phone as a few hundred KB to a few MB.

export const MAX_SIDE = 2560;
export const QUALITY = 0.85;
export const THUMB_SIDE = 240; // the thumbnail kept in the run record (a few KB), shown on the screen

function drawn(source, width, height) {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d").drawImage(source, 0, 0, width, height);
  return canvas;
}

function fit(width, height, side) {
  const scale = Math.min(1, side / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

// {blob: the JPEG to send, thumb: a small JPEG as a data: URL for the screen}
export async function preparePhoto(file) {
  // imageOrientation "from-image" turns the pixels as the EXIF orientation says.
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const canvas = drawn(bitmap, ...fit(bitmap.width, bitmap.height, MAX_SIDE));
  bitmap.close();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
  if (!blob) throw new Error("the image could not be encoded");
  const thumb = drawn(canvas, ...fit(canvas.width, canvas.height, THUMB_SIDE)).toDataURL("image/jpeg", 0.7);
  return { blob, thumb };
}

// A small image (a signature's PNG) as a data: URL.
export function dataUrl(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

export async function sha256Hex(blob) {
  if (!crypto.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
