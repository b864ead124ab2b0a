#!/usr/bin/env python3
"""Mechanical re-wrap of C# lines over 140 columns (BotAutoOrder product code; migrations and generated files skipped).

Breaks only at a space outside string/char literals and comments (always legal C#), preferring after ',' then before
&& || ?? ? : + then after => or =; a comment line is re-flowed word by word; as a last resort a plain "..." literal is
split into "..." + "..." (a constant expression). Lines it cannot shorten are left as they are.
Without --check it rewrites the files and BotAutoOrder.Tests/Conventions/long-lines-baseline.txt (the lines left over).
Usage: python3 .ci/rewrap-long-lines.py [--check] .   (then rebuild and run the tests)
"""
import os, sys

MAX = 140

def columns(s): return len(s)  # code points, as the test counts runes

def product_files(root):
    for proj in ('BotAutoOrder.Domain', 'BotAutoOrder.Web'):
        for d, dirs, files in os.walk(os.path.join(root, proj)):
            rel = os.path.relpath(d, root).split(os.sep)
            if any(p in ('Migrations', 'obj', 'bin') for p in rel): continue
            for f in sorted(files):
                if f.endswith('.cs') and not f.endswith('.g.cs') and not f.endswith('.Designer.cs'):
                    yield os.path.join(d, f)

def scan(line, state):
    """Returns (kinds, state_after): kinds[i] is 'c' (code), 's' (inside a literal), 'm' (comment) for each char."""
    kinds = []
    i, n = 0, len(line)
    mode = state  # None, 'block', ('verbatim', interp), ('raw', quotes)
    while i < n:
        if mode == 'block':
            j = line.find('*/', i)
            if j < 0: kinds += ['m'] * (n - i); i = n; break
            kinds += ['m'] * (j + 2 - i); i = j + 2; mode = None; continue
        if isinstance(mode, tuple) and mode[0] == 'raw':
            q = '"' * mode[1]
            j = line.find(q, i)
            if j < 0: kinds += ['s'] * (n - i); i = n; break
            kinds += ['s'] * (j + mode[1] - i); i = j + mode[1]; mode = None; continue
        if isinstance(mode, tuple) and mode[0] == 'verbatim':
            j = i
            while j < n:
                if line[j] == '"':
                    if j + 1 < n and line[j + 1] == '"': j += 2; continue
                    break
                j += 1
            if j >= n: kinds += ['s'] * (n - i); i = n; break
            kinds += ['s'] * (j + 1 - i); i = j + 1; mode = None; continue
        c = line[i]
        if line.startswith('//', i): kinds += ['m'] * (n - i); i = n; break
        if line.startswith('/*', i): mode = 'block'; kinds += ['m', 'm']; i += 2; continue
        # string prefixes
        m = i
        while m < n and line[m] in '$@': m += 1
        if m < n and line[m] == '"':
            prefix = line[i:m]
            q = 0
            while m + q < n and line[m + q] == '"': q += 1
            if q >= 3:  # raw string literal
                kinds += ['s'] * (m + q - i); i = m + q; mode = ('raw', q); continue
            if '@' in prefix:
                kinds += ['s'] * (m + 1 - i); i = m + 1; mode = ('verbatim', '$' in prefix); continue
            # regular or interpolated string: to the closing quote (holes treated as literal, nested strings skipped)
            j = m + 1; depth = 0
            while j < n:
                ch = line[j]
                if ch == '\\': j += 2; continue
                if '$' in prefix and ch == '{':
                    if j + 1 < n and line[j + 1] == '{': j += 2; continue
                    depth += 1
                elif '$' in prefix and ch == '}' and depth > 0: depth -= 1
                elif ch == '"' and depth == 0: break
                elif ch == '"' and depth > 0:  # a string inside a hole
                    k = j + 1
                    while k < n and line[k] != '"':
                        k += 2 if line[k] == '\\' else 1
                    j = k
                j += 1
            j = min(j, n - 1)
            kinds += ['s'] * (j + 1 - i); i = j + 1
            if i < n and line[i] == 'u' and line[i:i + 2] == 'u8': kinds += ['s', 's']; i += 2
            continue
        if c == "'":
            j = i + 1
            while j < n and line[j] != "'":
                j += 2 if line[j] == '\\' else 1
            kinds += ['s'] * (min(j, n - 1) + 1 - i); i = min(j, n - 1) + 1; continue
        kinds.append('c'); i += 1
    return kinds, mode

def indent_of(line): return line[:len(line) - len(line.lstrip(' '))]

def priority(line, k):
    """Priority of breaking at the space line[k] (lower is better), or None."""
    before, after = line[:k].rstrip(), line[k + 1:]
    if before.endswith(','): return 0
    for op in ('&& ', '|| ', '?? ', '? ', ': ', '+ ', '.'):
        if after.startswith(op): return 1
    if before.endswith('=>') or before.endswith(' ='): return 2
    return None

def split_code(line, state, cont):
    kinds, _ = scan(line, state)
    ind = indent_of(line)
    best = None
    depth = 0
    for k, ch in enumerate(line):
        if kinds[k] == 'c' and ch in '([{': depth += 1
        elif kinds[k] == 'c' and ch in ')]}': depth -= 1
        if ch != ' ' or kinds[k] != 'c' or k <= len(ind): continue
        left = line[:k].rstrip()
        if columns(left) > MAX or columns(left) < len(ind) + 15: continue
        p = priority(line, k)
        if p is None: continue
        rest = line[k + 1:].lstrip(' ')
        if not rest or rest.startswith('//'): continue
        cand = (depth, p, -k)
        if best is None or cand < best[0]: best = (cand, left, cont + rest)
    if best: return [best[1], best[2]]
    # last resort: split a plain "..." literal at a space inside it
    i = 0
    while i < len(line):
        if kinds[i] == 's' and line[i] == '"' and (i == 0 or line[i - 1] not in '$@"') and (i == 0 or kinds[i - 1] != 's'):
            j = i + 1
            while j < len(line) and not (line[j] == '"' and line[j - 1] != '\\'): j += 1
            if j < len(line) and (j + 1 >= len(line) or line[j + 1] != 'u'):
                for s in range(min(j - 1, MAX - 4), i + 10, -1):
                    if line[s] == ' ' and line[s - 1] != '\\' and columns(line[:s + 1]) + 3 <= MAX:
                        return [line[:s + 1] + '" +', cont + '"' + line[s + 1:]]
            i = j + 1; continue
        i += 1
    return None

def split_comment(line, cont=None):
    ind = indent_of(line)
    body = line.lstrip(' ')
    prefix = '/// ' if body.startswith('/// ') else '// ' if body.startswith('// ') else None
    if prefix is None: return None
    words = body[len(prefix):].split(' ')
    out, cur = [], ind + prefix
    for w in words:
        if columns(cur) + len(w) + (0 if cur.endswith(prefix) else 1) > MAX and not cur.endswith(prefix):
            out.append(cur); cur = ind + prefix + w
        else:
            cur = cur + ('' if cur.endswith(prefix) else ' ') + w
    out.append(cur)
    return out if len(out) > 1 and all(columns(o) <= MAX for o in out) else None

def rewrap(text):
    lines = text.split('\n')
    out, state, changed = [], None, 0
    for line in lines:
        start_state = state
        _, state_after = scan(line, state)
        pending = [line]
        result = []
        cont = indent_of(line) + '    '
        while pending:
            l = pending.pop(0)
            if columns(l) <= MAX or start_state is not None or l.lstrip().startswith('#'):
                result.append(l); continue
            kinds, _ = scan(l, None)
            first_code = next((i for i, c in enumerate(l) if c != ' '), 0)
            parts = split_comment(l) if kinds and kinds[first_code] == 'm' else split_code(l, None, cont)
            if not parts: result.append(l); continue
            changed += 1
            result.append(parts[0]); pending = parts[1:] + pending
        out += result
        state = state_after
    return '\n'.join(out), changed

def main():
    check = '--check' in sys.argv
    root = [a for a in sys.argv[1:] if not a.startswith('--')][0]
    total_before = total_after = 0
    left = {}
    for f in product_files(root):
        text = open(f, encoding='utf-8').read()
        before = sum(1 for l in text.split('\n') if columns(l) > MAX)
        if not before: continue
        new, changed = rewrap(text)
        after = sum(1 for l in new.split('\n') if columns(l) > MAX)
        total_before += before; total_after += after
        if after: left[os.path.relpath(f, root).replace(os.sep, '/')] = after
        if not check and new != text: open(f, 'w', encoding='utf-8').write(new)
    if not check:
        with open(os.path.join(root, 'BotAutoOrder.Tests', 'Conventions', 'long-lines-baseline.txt'), 'w', encoding='utf-8') as out:
            out.write('# Files that still have lines over 140 characters, with how many: the count may only go down. Re-wrapping a\n'
                      '# file removes its line here; an empty list is the goal. Written by .ci/rewrap-long-lines.py.\n')
            for path in sorted(left): out.write(f'{left[path]} {path}\n')
    print(f'lines over {MAX}: {total_before} before, {total_after} after')

if __name__ == '__main__': main()
