// A signature pad: a canvas drawn on with a finger, a pen or a mouse (pointer events), kept as a PNG. A person
// on a keyboard (or a screen reader) signs by typing their name, which the pad writes into the same image
// (`writeName`): the pad took pointers only, and they could not sign at all.

export function signaturePad(canvas) {
  const ctx = canvas.getContext("2d");
  let drawing = false;
  let strokes = 0;
  const ratio = window.devicePixelRatio || 1;
  const size = () => {
    const box = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(box.width * ratio));
    canvas.height = Math.max(1, Math.round(box.height * ratio));
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#1c2333";
    strokes = 0;
  };
  const point = (e) => {
    const box = canvas.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };
  canvas.addEventListener("pointerdown", (e) => {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    ctx.beginPath();
    ctx.moveTo(...point(e));
    ctx.lineTo(...point(e));
    ctx.stroke();
    strokes += 1;
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!drawing) return;
    ctx.lineTo(...point(e));
    ctx.stroke();
  });
  const stop = () => { drawing = false; };
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);
  requestAnimationFrame(size);
  const clear = () => { ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.clearRect(0, 0, canvas.width, canvas.height); size(); };
  // The name in a hand-like italic, as large as fits the pad, on its own (a name retyped replaces the last).
  const writeName = (name) => {
    clear();
    const text = name.trim();
    if (!text) return;
    const { width, height } = canvas.getBoundingClientRect();
    let px = Math.round(height * 0.4);
    const font = () => `italic ${px}px "Segoe Script", "Brush Script MT", cursive, serif`;
    ctx.font = font();
    while (px > 10 && ctx.measureText(text).width > width - 24) { px -= 2; ctx.font = font(); }
    ctx.fillStyle = ctx.strokeStyle;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.direction = getComputedStyle(canvas).direction;
    ctx.fillText(text, width / 2, height / 2);
    strokes = 1;
  };
  return {
    isEmpty: () => strokes === 0,
    clear,
    writeName,
    toBlob: () => new Promise((resolve) => canvas.toBlob(resolve, "image/png")),
  };
}
