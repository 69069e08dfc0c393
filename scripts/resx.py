#!/usr/bin/env python3
"""Add or update UI strings in a pair of .resx files (Chinese neutral + English satellite).

usage: scripts/resx.py path/to/Resources/Name key "中文" "English" [key "中文" "English" ...]
Creates Name.resx (zh-CN, the neutral language) and Name.en.resx when missing. Keys are kept sorted.
"""
import sys, os
import xml.etree.ElementTree as ET

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
'''

def load(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {d.get('name'): (d.find('value').text or '') for d in root.findall('data')}

def save(path, entries):
    from xml.sax.saxutils import escape, quoteattr
    lines = HEADER.rstrip().split('\n')[:-1]
    for k in sorted(entries):
        lines.append(f'  <data name={quoteattr(k)} xml:space="preserve"><value>{escape(entries[k])}</value></data>')
    lines.append('</root>')
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')

def main(argv):
    if len(argv) < 5 or (len(argv) - 2) % 3 != 0:
        print(__doc__); return 2
    base = argv[1]
    zh, en = load(base + '.resx'), load(base + '.en.resx')
    for i in range(2, len(argv), 3):
        k, z, e = argv[i], argv[i + 1], argv[i + 2]
        zh[k], en[k] = z, e
    save(base + '.resx', zh); save(base + '.en.resx', en)
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv))
