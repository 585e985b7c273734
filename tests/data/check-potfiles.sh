#!/usr/bin/env bash
# po/ is current and every user-visible string reaches the translators:
#  1. every source file with a translatable string is listed in
#     po/POTFILES.in, and every file listed exists;
#  2. xgettext reads every listed file (as meson's i18n "glib" preset does);
#  3. no user-visible literal escapes it: a .ui property or menu attribute
#     that users read (label, title, tooltip, placeholder, accessible name…)
#     without translatable="yes", or a C call that puts text on screen
#     (gtk_label_set_text, gtk_window_set_title, gtk_string_list_append…)
#     with a bare "literal" instead of _("…") or N_("…");
#  4. every language in po/LINGUAS has a .po that msgfmt --check accepts.
# Text without a letter ("", "–", "%s", "·") is not a sentence and passes.
set -euo pipefail
cd "${FH_SOURCE_ROOT:?}"
status=0

# 1. POTFILES.in complete and true
for f in $(grep -l -E '\b(N?C?_|NC_|g_dngettext|ngettext)\("' src/*/*.c src/main.c;
           grep -l 'translatable="yes"' ui/*.ui); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
while read -r f; do
  [ -z "$f" ] || [ -e "$f" ] || { echo "in po/POTFILES.in but missing: $f"; status=1; }
done < po/POTFILES.in

# 2. xgettext reads them all, with the keywords the code uses
pot=$(mktemp "${TMPDIR:-/tmp}/fh-potfiles.XXXXXX.pot")
trap 'rm -f "$pot"' EXIT
if ! xgettext --files-from=po/POTFILES.in --directory=. --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
       --output="$pot" 2>&1; then
  echo "xgettext failed on the files of po/POTFILES.in"
  status=1
fi

# 3. user-visible literals that xgettext would not pick up
python3 - <<'EOF' || status=1
import glob, re, sys

def has_words(text):
    text = re.sub(r'<[^>]*>', '', text)                     # markup
    text = re.sub(r'%[-+ #0-9.*]*l*[a-zA-Z]', '', text)     # printf conversions
    text = re.sub(r'&[a-z]+;|&#[0-9]+;', '', text)          # entities
    text = re.sub(r'\\[nt]', '', text)
    return re.search(r'[^\W\d_]{2,}', text) is not None     # a word, in any script

bad = []

# .ui: properties and menu attributes that users read or hear
ui_visible = r'(label|title|subtitle|tooltip-text|tooltip-markup|placeholder-text|text|secondary-text|description|comments|program-name|heading|body)'
ui_prop = re.compile(r'<(property|attribute)\s+name="' + ui_visible + r'"([^>]*)>([^<]*)</\1>')
for path in sorted(glob.glob('ui/*.ui')):
    ui = open(path, encoding='utf-8').read()
    for m in ui_prop.finditer(ui):
        attrs, value = m.group(3), m.group(4)
        if 'translatable="yes"' in attrs or 'translatable="true"' in attrs:
            continue
        if has_words(value):
            n = ui.count('\n', 0, m.start()) + 1
            bad.append(f'{path}:{n}: {m.group(2)} "{value.strip()}" is not translatable="yes"')

# C: calls that put their string argument on screen
calls = (r'gtk_label_set_(?:text|label|markup|text_with_mnemonic|markup_with_mnemonic)|'
         r'gtk_label_new(?:_with_mnemonic)?|gtk_button_(?:set_label|new_with_label|new_with_mnemonic)|'
         r'gtk_check_button_(?:set_label|new_with_label|new_with_mnemonic)|gtk_toggle_button_new_with_label|'
         r'gtk_menu_button_set_label|gtk_frame_(?:set_label|new)|gtk_expander_(?:set_label|new)|'
         r'gtk_widget_set_tooltip_(?:text|markup)|gtk_window_set_title|gtk_stack_page_set_title|'
         r'gtk_stack_add_titled|gtk_entry_set_placeholder_text|gtk_text_set_placeholder_text|'
         r'gtk_string_list_append|gtk_column_view_column_new|gtk_column_view_column_set_title|'
         r'gtk_info_bar_add_button|gtk_message_dialog_new|gtk_about_dialog_set_\w+|'
         r'g_menu_(?:append|prepend|insert|item_new)|g_notification_new|g_notification_set_body|'
         r'gtk_accessible_update_property|gtk_accessible_update_relation|'
         r'g_set_error_literal|g_error_new_literal|'
         r'fh_\w+_set_(?:title|caption|subtitle|value_label|label|description|alt_text|note|message)')
call = re.compile(r'\b(' + calls + r')\s*\(')
literal = re.compile(r'"(?:[^"\\]|\\.)*"')
wrapper = re.compile(r'(?:\b(?:N?C?_|NC_|g_dgettext|g_dngettext|gettext|ngettext)\s*\(\s*(?:"(?:[^"\\]|\\.)*"\s*,\s*)?)$')

def args_of(src, start):
    depth, i = 1, start
    while i < len(src) and depth:
        c = src[i]
        if c == '"':
            i = literal.match(src, i).end()
            continue
        depth += c == '('
        depth -= c == ')'
        i += 1
    return src[start:i - 1]

for path in sorted(glob.glob('src/*/*.c') + ['src/main.c']):
    src = open(path, encoding='utf-8').read()
    code = re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ', m.group(0)), src, flags=re.S)
    code = re.sub(r'^\s*#.*$', '', code, flags=re.M)
    for m in call.finditer(code):
        args = args_of(code, m.end())
        # adjacent literals are one string, as the compiler joins them
        for s in re.finditer(r'"(?:[^"\\]|\\.)*"(?:\s*"(?:[^"\\]|\\.)*")*', args):
            before = args[:s.start()]
            text = ''.join(t.group(0)[1:-1] for t in literal.finditer(s.group(0)))
            if wrapper.search(before) or not has_words(text):
                continue
            # a literal that names a key, property, resource or CSS class is not text
            if re.fullmatch(r'[a-z0-9][a-z0-9_.:/-]*', text):
                continue
            line = code.count('\n', 0, m.end() + s.start()) + 1
            bad.append(f'{path}:{line}: {m.group(1)} ("{text}") is not wrapped in _() or N_()')

for b in bad:
    print(b)
sys.exit(1 if bad else 0)
EOF

# 4. every translation compiles
while read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  if [ ! -f "po/$lang.po" ]; then
    echo "po/LINGUAS lists $lang but po/$lang.po is missing"
    status=1
  elif ! msgfmt --check --output-file=/dev/null "po/$lang.po"; then
    echo "po/$lang.po does not compile"
    status=1
  fi
done < po/LINGUAS
exit $status
