// A signature pad: a canvas drawn on with a finger, a pen or a mouse (pointer events), kept as a PNG.

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
  return {
    isEmpty: () => strokes === 0,
    clear: () => { ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.clearRect(0, 0, canvas.width, canvas.height); size(); },
    toBlob: () => new Promise((resolve) => canvas.toBlob(resolve, "image/png")),
  };
}
