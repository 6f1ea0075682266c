"""Chinese text analysis shared by both search backends.

Neither the database nor a plain Elasticsearch node segments Chinese, so we do it here, the same way at
index and at query time: normalise (full-width to half-width, lower case, traditional to simplified for
the characters common in IP texts, patent numbers to one token), segment with jieba in search mode with
our domain dictionary, and expand query words with IP synonyms. Backends receive whitespace-separated
tokens and boolean token groups, never raw Chinese.
"""

import functools
import hashlib
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import jieba
import rjieba

DICTIONARY = Path(__file__).resolve().parent / "data" / "dict.txt"
# jieba's own dictionary, which jieba-rs builds in: read for the frequencies of the synonym words.
JIEBA_DICTIONARY = Path(jieba.__file__).resolve().parent / "dict.txt"

# Traditional characters common in IP, finance and place texts, mapped to their simplified form. A full
# converter (OpenCC) is a native dependency; this table covers what people type when searching here.
TRADITIONAL = (
    "專专權权讓让許许機机構构標标質质資资產产識识證证請请業业務务費费價价發发開开區区縣县國国華华蘇苏"
    "連连雲云東东贛赣經经濟济貸贷銀银鑒鉴鑑鉴評评託托護护維维訟讼訴诉說说書书圖图畫画設设計计實实驗验"
    "藥药醫医療疗裝装備备製制農农現现體体學学習习課课師师講讲會会議议員员優优獎奖勵励補补貼贴際际門门"
    "號号時时間间報报關关於于與与為为對对從从這这個个們们來来後后應应當当點点數数據据網网絡络線线訊讯"
    "電电話话聯联繫系係系營营銷销買买賣卖轉转換换協协約约範范圍围屬属記记錄录註注冊册審审檢检術术創创"
    "項项園园廳厅單单責责獲获軟软劑剂藝艺鏈链積积極极導导陸陆億亿萬万額额歷历蘭兰紅红綠绿節节結结總总"
    "統统綜综尋寻務务擔担保保險险處处辦办規规條条例例決决參参與与戰战略略級级廣广傳传媒媒視视頻频誌志"
    "雜杂紙纸鋼钢鐵铁礦矿綫线纖纤維维術术問问題题錯错誤误種种類类別别縮缩減减鹽盐港港灣湾產产"
)
TRADITIONAL_MAP = {ord(TRADITIONAL[i]): TRADITIONAL[i + 1] for i in range(0, len(TRADITIONAL) - 1, 2)}

# Synonym groups for IP terms: a query for any member also finds the others.
SYNONYM_GROUPS = [
    ["专利代理", "专利代理机构", "专利事务所", "专利代理事务所"],
    ["商标代理", "商标代理机构", "商标事务所"],
    ["质押融资", "抵押融资", "质押贷款", "知识产权质押", "专利质押", "专利权质押"],
    ["版权", "著作权"],
    ["版权登记", "作品登记", "著作权登记"],
    ["转让", "出让"],
    ["维权", "维权援助"],
    ["贯标", "知识产权贯标"],
    ["高企", "高新技术企业"],
    ["知产", "知识产权"],
    ["培训", "培训班", "培训课程"],
    ["评估", "价值评估", "知识产权评估"],
    ["托管", "知识产权托管"],
    ["pct", "国际专利申请"],
]
SYNONYMS = {}
for _group in SYNONYM_GROUPS:
    for _word in _group:
        SYNONYMS.setdefault(_word, set()).update(w for w in _group if w != _word)

STOPWORDS = frozenset(
    "的 了 和 与 及 或 等 在 是 对 为 于 把 被 之 其 中 以 将 并 由 从 向 也 就 都 而 有 个 一个 这 那 关于 有关 "
    "我 我们 你 您 他 她 它 吗 呢 吧 啊".split()
)

# Patent numbers as issued since 2004: ZL + 4-digit year + type + 7-digit serial + check character; spaces,
# "ZL" and the dot before the check character are optional. (The older 8-digit numbers are not recognised:
# without "ZL" they cannot be told from other numbers.)
PATENT_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])(?:[Zz][Ll]\s?)?((?:19|20)\d{2}\s?[1-9]\s?\d{7})\s?\.?\s?([0-9Xx])(?![0-9A-Za-z])"
)
PATENT_PREFIX = re.compile(r"^(?:zl)?((?:19|20)\d{2}[1-9]\d{3,7})$")
WORD = re.compile(r"[^\W_]+")
CJK = re.compile(r"[\u3400-\u9fff]")

# Bump when analyze() changes what it makes of a text: kept analysed text (search.analysis) made by an
# older analyser is then analysed again instead of reused.
ANALYSER_VERSION = 1

_jieba_lock = threading.Lock()
_tokenizer = None
SYNONYM_FREQUENCY = 5000


def tokenizer():
    """The segmenter: jieba's dictionary and algorithm in jieba-rs (rjieba), which segments like Python
    jieba about fifty times faster (analysis is most of what a reindex costs), with the domain dictionary
    and every synonym made a word of its own."""
    global _tokenizer
    if _tokenizer is None:
        with _jieba_lock:
            if _tokenizer is None:
                _tokenizer = _build_tokenizer()
    return _tokenizer


def cut(text):
    """Words of a text, with jieba's HMM guessing words the dictionary lacks."""
    return tokenizer().cut(text, True)


def cut_for_search(text):
    """Search mode: each word, and the dictionary words inside a long one."""
    return tokenizer().cut_for_search(text, True)


def _build_tokenizer():
    instance = rjieba.Jieba()
    domain = _dictionary_entries(DICTIONARY)
    for word, (freq, tag) in domain.items():
        instance.add_word(word, freq, tag)
    synonyms = {word for group in SYNONYM_GROUPS for word in group if len(word) > 1}
    known = _frequencies(synonyms - set(domain))
    for word in synonyms:
        frequency = domain[word][0] if word in domain else known.get(word, 0)
        if frequency < SYNONYM_FREQUENCY:
            instance.add_word(word, SYNONYM_FREQUENCY, None)
    return instance


def _dictionary_entries(path):
    """{word: (frequency, tag)} of a jieba dictionary file ("word [frequency] [tag]" per line)."""
    entries = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            frequency = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            entries[parts[0]] = (frequency, parts[2] if len(parts) > 2 else None)
    return entries


def _frequencies(words):
    """The frequencies jieba's own dictionary gives these words (absent: not a word there)."""
    found = {}
    with open(JIEBA_DICTIONARY, encoding="utf-8") as dictionary:
        for line in dictionary:
            word, _space, rest = line.partition(" ")
            if word in words:
                found[word] = int(rest.split()[0])
    return found


@functools.cache
def analyser_signature():
    """What analysed text depends on besides the text itself: the analyser's version, the domain
    dictionary, the synonyms, the stop words and the traditional-character table."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{ANALYSER_VERSION}|{rjieba.__name__}".encode())
    digest.update(DICTIONARY.read_bytes())
    digest.update(repr((SYNONYM_GROUPS, sorted(STOPWORDS), TRADITIONAL, SYNONYM_FREQUENCY)).encode())
    return digest.hexdigest()


@functools.cache
def normalise_char(char):
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        folded = char
    return folded.translate(TRADITIONAL_MAP).lower()


def normalise(text):
    """Same length as the input, character for character, so offsets stay valid for highlighting."""
    return "".join(normalise_char(char) for char in text or "")


def patent_token(digits, check):
    return f"zl{digits.replace(' ', '')}{check.lower()}"


def _replace_patent_numbers(text):
    return PATENT_NUMBER.sub(lambda m: f" {patent_token(m.group(1), m.group(2))} ", text)


def _clean(tokens):
    for token in tokens:
        for part in WORD.findall(token):
            if part not in STOPWORDS:
                yield part


def analyze(text):
    """Index tokens of a text: jieba search mode, so a long word also yields its parts."""
    text = _replace_patent_numbers(normalise(text))
    return list(_clean(cut_for_search(text)))


def analyze_joined(text):
    return " ".join(analyze(text))


@dataclass
class Group:
    """One word of a query: a document matches it through any alternative (each an AND of tokens)."""

    word: str
    alternatives: list = field(default_factory=list)
    prefixes: list = field(default_factory=list)

    def terms(self):
        """Every token this group may match, for highlighting."""
        found = {token for alternative in self.alternatives for token in alternative}
        return found | set(self.prefixes)


def _query_words(text):
    text = _replace_patent_numbers(normalise(text))
    words = []
    for token in cut(text):
        words.extend(WORD.findall(token))
    meaningful = [w for w in words if w not in STOPWORDS]
    return meaningful or words


def parse_query(text):
    """A query string becomes groups that must all match (AND); each group is a set of alternatives."""
    groups = []
    seen = set()
    for word in _query_words(text):
        if word in seen:
            continue
        seen.add(word)
        alternatives = [(word,)]
        for synonym in sorted(SYNONYMS.get(word, ())):
            alternatives.append(tuple(_clean(cut(synonym))) if " " in synonym else (synonym,))
        parts = [p for p in _clean(cut_for_search(word)) if p != word and len(p) > 1]
        if parts and len(word) > 2:
            # The word's parts in order: a document segmented differently still matches.
            alternatives.append(tuple(dict.fromkeys(parts)))
        prefixes = []
        patent = PATENT_PREFIX.match(word)
        if patent:
            # A patent number typed without its last digits.
            prefixes.append(f"zl{patent.group(1)}")
        elif len(word) == 1 and CJK.match(word):
            prefixes.append(word)
        elif not CJK.search(word) and len(word) >= 3 and not word.isdigit():
            prefixes.append(word)
        groups.append(Group(word=word, alternatives=alternatives, prefixes=prefixes))
    return groups


def query_terms(groups):
    terms = set()
    for group in groups:
        terms |= group.terms()
    return terms


# ------------------------------------------------------------------------------
# Highlighting, shared by both backends so results look the same whichever answered.
# ------------------------------------------------------------------------------
def _match_spans(text, terms, prefixes=()):
    if not text or not (terms or prefixes):
        return []
    folded = normalise(text)
    spans = []
    for term in sorted(terms, key=len, reverse=True):
        if term.startswith("zl") and term[2:3].isdigit():
            continue
        start = folded.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    for match in PATENT_NUMBER.finditer(text):
        token = patent_token(match.group(1), match.group(2))
        if token in terms or any(token.startswith(p) for p in prefixes if p.startswith("zl")):
            spans.append(match.span())
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _mark(text, spans):
    out, position = [], 0
    for start, end in spans:
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def highlight(text, groups):
    """HTML-safe text with the query's matches wrapped in <mark>."""
    terms = {t for t in query_terms(groups) if len(t) > 1 or CJK.match(t)}
    prefixes = [p for g in groups for p in g.prefixes]
    return _mark(text or "", _match_spans(text, terms, prefixes))


def snippet(text, groups, length=120):
    """The part of the text with the most matches, highlighted, with ellipses where it was cut."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return highlight(text, groups)
    terms = {t for t in query_terms(groups) if len(t) > 1 or CJK.match(t)}
    prefixes = [p for g in groups for p in g.prefixes]
    spans = _match_spans(text, terms, prefixes)
    start = 0
    if spans:
        best, best_count = spans[0][0], 0
        for first, _ in spans:
            count = sum(1 for s, _ in spans if first <= s < first + length)
            if count > best_count:
                best, best_count = first, count
        start = max(0, min(best - length // 4, len(text) - length))
    end = start + length
    window = [(max(s, start) - start, min(e, end) - start) for s, e in spans if e > start and s < end]
    body = _mark(text[start:end], window)
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


# ------------------------------------------------------------------------------
# "Did you mean": the closest words of the indexed vocabulary.
# ------------------------------------------------------------------------------
def edit_distance(a, b, limit=3):
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def closest_word(word, vocabulary):
    """The vocabulary word nearest to `word` (a typo or a wrong character), or None.

    `vocabulary` maps words to how often they occur; ties go to the more frequent word.
    """
    if word in vocabulary or len(word) < 2:
        return None
    limit = 1 if len(word) <= 4 else 2
    best, best_key = None, None
    for candidate, frequency in vocabulary.items():
        if abs(len(candidate) - len(word)) > limit or candidate == word:
            continue
        distance = edit_distance(word, candidate, limit)
        if distance <= limit:
            key = (distance, abs(len(candidate) - len(word)), -frequency, candidate)
            if best_key is None or key < best_key:
                best, best_key = candidate, key
    return best


def correction_candidates(query):
    """The parts of a query a correction may replace: its space-separated runs, normalised."""
    return [part for part in _replace_patent_numbers(normalise(query)).split() if part]
