/*
 * Ziping 绩效自评: runs before the pane's bundle, in ES5 so that it runs everywhere. Older perpetual Office (2016/2019
 * without WebView2) opens task panes in Internet Explorer (Trident) or EdgeHTML, where the pane's React/Fluent UI v9
 * bundle cannot run: instead of a blank pane, say so and point to what works there (docs/deploy.md).
 */
(function () {
  var ua = window.navigator.userAgent || '';
  var legacy = /Trident\/|MSIE |Edge\/\d/.test(ua) || typeof window.Promise === 'undefined' || typeof window.Symbol === 'undefined' ||
    typeof Object.fromEntries === 'undefined';
  if (!legacy) return;
  window.__zipingLegacy = true;
  var root = document.getElementById('root');
  if (!root) return;
  var lines = [
    ['h1', '绩效自评 · Ziping'],
    ['p', '当前 Office 版本使用旧版浏览器内核（Internet Explorer / EdgeHTML）显示加载项，绩效自评的任务窗格无法在其中运行。'],
    ['p', '请升级到 Microsoft 365 或 Office 2021 及以上版本（使用 WebView2），或改用 Excel 网页版。'],
    ['p', '也可以不经 Excel 使用：命令行 “ziping fill 表格.xlsx -o 已填写.xlsx”，或在浏览器中打开工作台页面（workbench.html）校验并下载填写后的工作簿。'],
    ['p', 'This version of Office shows add-ins in a legacy browser engine (Internet Explorer / EdgeHTML) that cannot run the Ziping pane. Use Microsoft 365 or Office 2021+ (WebView2) or Excel on the web, or the command line / workbench instead.'],
  ];
  for (var i = 0; i < lines.length; i++) {
    var el = document.createElement(lines[i][0]);
    el.appendChild(document.createTextNode(lines[i][1]));
    el.style.fontFamily = 'Segoe UI, Microsoft YaHei, sans-serif';
    el.style.margin = '12px';
    el.style.fontSize = i === 0 ? '18px' : '14px';
    root.appendChild(el);
  }
})();
