// Runs the conformance vectors (tests/support/conformance.py) against the runner's rules.js; returns every
// disagreement. The browser test evaluates it in the page (the module imported from the server); it has no
// dependencies, so `node` can run it too while developing.
async (args) => {
  const [url, data] = args;
  const rules = await import(url);
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const bad = [];
  data.states.forEach((v, n) => {
    const template = data.templates[v.template];
    const visible = [...rules.visibleStepIds(template, v.answers)].sort();
    const progress = rules.computeProgress(template, v.answers);
    const problems = rules.completionProblems(template, v.answers, v.has_signature);
    if (!same(visible, v.visible)) bad.push({ n, kind: "visible", want: v.visible, got: visible });
    if (!same(progress, v.progress)) bad.push({ n, kind: "progress", want: v.progress, got: progress });
    if (!same(problems, v.problems)) bad.push({ n, kind: "problems", want: v.problems, got: problems });
  });
  data.checks.forEach((v, n) => {
    const got = rules.checkAnswer(data.templates[v.template], v.step_id, v.value, { skipped: v.skipped, geo: v.geo });
    if (!same(got, v.details)) bad.push({ n, kind: "check", value: v.value, step: v.step_id, want: v.details, got });
  });
  return { states: data.states.length, checks: data.checks.length, bad: bad.slice(0, 20), disagreements: bad.length };
}
