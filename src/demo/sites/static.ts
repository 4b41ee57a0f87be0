import type { DemoResponse } from './view.js';

// The few shared assets real CMS pages load; createPageHTML is the TRS pager the crawler must understand.
const CREATE_PAGE_HTML = `function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
  if (_nPageCount == null || _nPageCount <= 1) return;
  var html = '';
  var nCurr = _nCurrIndex;
  if (nCurr == 0) html += '<span>首页</span> <span>上一页</span> ';
  else {
    html += '<a href="' + _sPageName + '.' + _sPageExt + '">首页</a> ';
    html += '<a href="' + (nCurr == 1 ? _sPageName : _sPageName + '_' + (nCurr - 1)) + '.' + _sPageExt + '">上一页</a> ';
  }
  if (nCurr + 1 == _nPageCount) html += '<span>下一页</span> <span>尾页</span>';
  else {
    html += '<a href="' + _sPageName + '_' + (nCurr + 1) + '.' + _sPageExt + '">下一页</a> ';
    html += '<a href="' + _sPageName + '_' + (_nPageCount - 1) + '.' + _sPageExt + '">尾页</a>';
  }
  html += ' 共' + _nPageCount + '页';
  var box = document.currentScript ? document.currentScript.parentNode : document.body;
  var div = document.createElement('div');
  div.className = 'pages';
  div.innerHTML = html;
  document.querySelectorAll('.page').forEach(function (p) { p.appendChild(div.cloneNode(true)); });
}
`;

const COMMON_CSS = `body{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:14px;color:#333;background:#f3f3f3}
a{color:#333;text-decoration:none}a:hover{color:#c00}
.header{height:110px;background:linear-gradient(#b5121b,#8e0c12);color:#fff;padding:0 8%;display:flex;align-items:center;justify-content:space-between}
.header .logo a{color:#fff;font-size:30px;font-weight:bold;letter-spacing:4px}
.header input{width:200px;height:28px;border:0;padding:0 6px}.header button{height:30px;border:0;background:#f5c242}
.nav{background:#c8161d}.nav ul{margin:0;padding:0 8%;list-style:none;display:flex}.nav li a{display:block;padding:10px 18px;color:#fff;font-size:16px}
.main{width:84%;margin:16px auto;background:#fff;padding:20px;min-height:500px}
.location{color:#666;border-bottom:1px solid #ddd;padding-bottom:8px;margin-bottom:12px}
.list_ul{list-style:none;padding:0}.list_ul li{display:flex;justify-content:space-between;border-bottom:1px dashed #ddd;padding:8px 0}
.col_box{display:inline-block;vertical-align:top;width:46%;margin:0 1.5% 20px}.col_box h3{border-bottom:2px solid #c8161d;padding-bottom:6px}
.col_box h3 .more{float:right;font-size:12px;color:#999}.col_box ul{list-style:none;padding:0}.col_box li{display:flex;justify-content:space-between;padding:5px 0}
.xxgk_table table{width:100%;border-collapse:collapse;background:#f9f9f9;margin-bottom:16px}.xxgk_table th,.xxgk_table td{border:1px solid #ddd;padding:6px;text-align:left}
.xxgk_table th{width:12%;background:#eef3fa}.article-title{text-align:center;color:#b5121b;font-size:24px}
.article-info{text-align:center;color:#888;border-bottom:1px solid #eee;padding-bottom:10px}
.TRS_Editor{line-height:2;font-size:16px;padding:10px 4%}.TRS_Editor table td{border:1px solid #999;padding:4px;font-size:14px}
.fj{padding:0 4%}.page{text-align:center;margin:20px 0}.page a,.page span{margin:0 4px}
.footer{background:#8e0c12;color:#fff;text-align:center;padding:16px;font-size:12px}.banner{font-size:22px;color:#b5121b;margin-bottom:16px}
`;

const JS_STUB =
  '/* module loader */\nwindow.$ = window.jQuery = window.jQuery || function () { return { ready: function (f) { f(); } }; };\n';

/** Serves the shared static assets, or undefined for any other path. */
export function handleStatic(path: string): DemoResponse | undefined {
  if (path === '/images/createPageHTML.js')
    return { status: 200, contentType: 'application/javascript; charset=utf-8', body: CREATE_PAGE_HTML };
  if (path === '/images/common.css')
    return { status: 200, contentType: 'text/css; charset=utf-8', body: COMMON_CSS };
  if (path.startsWith('/module/') && path.endsWith('.js'))
    return { status: 200, contentType: 'application/javascript', body: JS_STUB };
  if (path === '/robots.txt') {
    return {
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: 'User-agent: *\nDisallow: /was5/\nDisallow: /admin/\nDisallow: /search/\n\nUser-agent: BadBot\nDisallow: /\n',
    };
  }
  return undefined;
}
