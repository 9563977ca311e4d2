// Streamlit calls a component's cleanup on unmount, and also right away for a call that a newer
// one overtook during fast reruns, while the element lives on (so a cleanup that took the bar or
// a listener away there left two bars, or a chart deaf to the timeline): act only once the
// element has left the page.
export function whenGone(element, release) {
  return () => setTimeout(() => { if (!element.isConnected) release(); }, 0);
}
