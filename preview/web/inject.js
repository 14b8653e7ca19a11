/**
 * Runs inside the task pane frame, after office.js and before the add-in's bundles: hands the
 * frame the parent page's Excel stand-in (Excel, OfficeExtension, Office.onReady reporting
 * Excel, Office.context.requirements) so the real task pane talks to it as to Excel.
 */
(function () {
  if (window.parent && window.parent !== window && window.parent.salesPreview) {
    window.parent.salesPreview.attach(window);
  } else {
    console.warn("Sales KPIs preview: no stand-in in the parent page; open preview.html instead.");
  }
})();
