// A table region is a tab stop (and a named landmark) only while it scrolls, so that a keyboard user can scroll it
// and is not stopped at every table that fits (default@5). Without this script every region stays a tab stop.
(() => {
  const regions = [...document.querySelectorAll('.table-wrap[role="region"]')].map(r => [r, r.getAttribute('aria-labelledby')]);
  const update = () => {
    for (const [region, label] of regions) {
      if (region.scrollWidth > region.clientWidth + 1) {
        region.setAttribute('role', 'region');
        region.setAttribute('tabindex', '0');
        if (label) region.setAttribute('aria-labelledby', label);
      } else {
        region.removeAttribute('role');
        region.removeAttribute('tabindex');
        region.removeAttribute('aria-labelledby');
      }
    }
  };
  update();
  let pending = 0;
  addEventListener('resize', () => { cancelAnimationFrame(pending); pending = requestAnimationFrame(update); });
})();
