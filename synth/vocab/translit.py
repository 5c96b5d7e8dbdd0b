"""Latin spellings of Cyrillic names, as people really write them online.

Ukrainian names reach ad sites and usernames in several spellings: the official national system
(Cabinet of Ministers of Ukraine Resolution 55, 2010) and looser, Russian-influenced ones
("Oleksandr", "Aleksandr", "Olexandr"). Investigators must learn to match them, so the world
uses more than one.
"""

from __future__ import annotations

# Resolution 55 (2010), simplified: the word-initial forms of є ї й ю я are used everywhere.
_NATIONAL = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya", "'": "", "’": "", "ʼ": "",
    "ы": "y", "э": "e", "ё": "yo", "ъ": "",
}
# Looser spellings seen online: г→g, х→h or kh→x, и→i, ts→c.
_LOOSE = dict(_NATIONAL, **{"г": "g", "х": "h", "и": "i", "ц": "c", "й": "i", "є": "e", "ї": "i"})


def _apply(table: dict[str, str], text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            rep = table[low]
            out.append(rep.capitalize() if ch.isupper() and rep else rep)
        else:
            out.append(ch)
    return "".join(out)


def to_latin(text: str, variant: str = "national") -> str:
    """Transliterate Cyrillic ``text``; ``variant`` is "national" or "loose". Latin text is unchanged."""
    return _apply(_LOOSE if variant == "loose" else _NATIONAL, text)


def ascii_fold(text: str) -> str:
    """Plain ASCII for usernames and e-mail local parts (Kraków → krakow, Ștefan → stefan)."""
    import unicodedata

    latin = to_latin(text)
    decomposed = unicodedata.normalize("NFKD", latin)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
