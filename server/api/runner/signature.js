// A signature pad: a canvas drawn on with a finger, a pen or a mouse (pointer events), kept as a PNG. A person
// on a keyboard (or a screen reader) signs by typing their name, which the pad writes into the same image
// (`writeName`): the pad took pointers only, and they could not sign at all.

export function signaturePad(canvas) {
  const ctx = canvas.getContext("2d");
  let drawing = false;
  // What the pad shows, kept to draw again when its box changes size (the phone turned: the pad's pixels stayed
  // those of the narrower box, stretched, and a stroke past its old width was drawn off the pad and lost): each
  // stroke's points in CSS pixels, or the name typed to sign.
  let paths = [];
  let name = "";
  let drawn = null; // the box the points are in: {width, height}
  const ratio = window.devicePixelRatio || 1;
  const pen = () => {
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#1c2333";
  };
  const size = () => {
    const box = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(box.width * ratio));
    canvas.height = Math.max(1, Math.round(box.height * ratio));
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    pen();
    return box;
  };
  const stroke = (points) => {
    ctx.beginPath();
    ctx.moveTo(...points[0]);
    for (const at of points) ctx.lineTo(...at);
    ctx.stroke();
  };
  // The name in a hand-like italic, as large as fits the pad, on its own.
  const letter = (text) => {
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
  };
  // The box changed: its pixels made anew, and what it showed drawn again, scaled to fit as it was (its shape kept).
  const resized = () => {
    const box = canvas.getBoundingClientRect();
    if (!box.width || (drawn && box.width === drawn.width && box.height === drawn.height)) return;
    const scale = drawn ? Math.min(box.width / drawn.width, box.height / drawn.height) : 1;
    paths = paths.map((points) => points.map(([x, y]) => [x * scale, y * scale]));
    drawn = size();
    if (name) letter(name);
    for (const points of paths) stroke(points);
  };
  const point = (e) => {
    const box = canvas.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };
  canvas.addEventListener("pointerdown", (e) => {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    paths.push([point(e)]);
    stroke(paths[paths.length - 1]);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!drawing) return;
    const points = paths[paths.length - 1];
    ctx.beginPath();
    ctx.moveTo(...points[points.length - 1]);
    points.push(point(e));
    ctx.lineTo(...points[points.length - 1]);
    ctx.stroke();
  });
  const stop = () => { drawing = false; };
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);
  new ResizeObserver(resized).observe(canvas);
  const clear = () => { paths = []; name = ""; drawn = size(); };
  const writeName = (typed) => {
    clear();
    name = typed.trim();
    if (name) letter(name);
  };
  return {
    isEmpty: () => paths.length === 0 && !name,
    clear,
    writeName,
    toBlob: () => new Promise((resolve) => canvas.toBlob(resolve, "image/png")),
  };
}
