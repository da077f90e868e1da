// One tab of a browser fills a run in at a time. Two tabs on one run link took answers apart, each showing
// its own, one saying "Everything is saved" over the other's. The tab that takes the run (opened, reloaded,
// "Use it here") says so on a BroadcastChannel named after the run; the others stop taking answers and
// sending (`lost`) until the person takes the run back in one of them. A tab that finishes the run says so
// too (`finished`), so that a stopped tab shows the finished screen. Without BroadcastChannel (old browsers)
// every tab goes on as before. The tab that lost the run keeps what was being typed in it and hands it over
// (`handOver`): the tab that took it shows it (`received`); it showed the field empty, for good.

export function tabClaim(runId, { lost, finished, received }) {
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(`rundun-run-${runId}`) : null;
  const claim = {
    parked: false, // another tab has the run
    take() {
      claim.parked = false;
      channel?.postMessage({ kind: "taken" });
    },
    finished(status) {
      channel?.postMessage({ kind: "finished", status });
    },
    handOver(stepId, answer) {
      channel?.postMessage({ kind: "answered", step_id: stepId, answer });
    },
  };
  if (channel) {
    // A channel never hears its own messages: every message is another tab's.
    channel.onmessage = ({ data }) => {
      if (data?.kind === "taken" && !claim.parked) {
        claim.parked = true;
        lost();
      } else if (data?.kind === "finished" && claim.parked) finished(data.status);
      else if (data?.kind === "answered" && !claim.parked) received(data.step_id, data.answer);
    };
  }
  return claim;
}
