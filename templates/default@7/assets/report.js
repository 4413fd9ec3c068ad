// A table region is a tab stop only while it scrolls, so that a keyboard user can scroll it with the arrow keys and
// is not stopped at every table that fits (default@5). Without this script every region stays a tab stop. Only the
// tab stop changes: the region and its name stay, so the page's structure (and the PDF's tags) never depends on
// the width of the window it was opened in.
(() => {
  const regions = document.querySelectorAll('.table-wrap[role="region"]');
  const update = () => {
    for (const region of regions) {
      if (region.scrollWidth > region.clientWidth + 1) region.setAttribute('tabindex', '0');
      else region.removeAttribute('tabindex');
    }
  };
  update();
  let pending = 0;
  addEventListener('resize', () => { cancelAnimationFrame(pending); pending = requestAnimationFrame(update); });
})();
