"""Sentences written for the layout tests (no bench data), and documents built from them."""

from __future__ import annotations

import itertools
import random
import re

from layout_styles import Box, Doc, Heading, Para

SENTENCES = [
    "両国の首脳は、地域の安全保障環境について率直な意見交換を行った。",
    "政府は、同盟の抑止力と対処力を一層強化していく方針を改めて示した。",
    "会談の冒頭、首相は大統領の訪日を歓迎し、これまでの協力に謝意を表した。",
    "貿易と投資の拡大は、両国経済の持続的な成長にとって欠かせない。",
    "重要鉱物の供給網を多角化するため、新たな枠組みへの署名が行われた。",
    "専門家の多くは、関税の引上げが物価に与える影響を懸念している。",
    "地方自治体による交流事業も、相互理解の土台として評価されている。",
    "気候変動への対応では、技術協力と資金支援の両面で連携が確認された。",
    "海洋の自由で開かれた利用を守ることは、国際秩序の根幹に関わる。",
    "会談後、両首脳は共同声明を発表し、協力の具体的な分野を列挙した。",
    "若い世代の人的交流を広げるため、留学生の受入れ枠が拡大される。",
    "一方で、同盟の費用負担をめぐる議論は今後も続くとみられる。",
    "こうした取組は、経済安全保障の観点からも重要な意味を持つ。",
    "外務大臣は、記者会見で交渉の見通しについて慎重な見方を示した。",
    "サプライチェーンの強靱化に向けて、官民の対話が定期的に開かれている。",
    "災害時の相互支援の経験は、危機管理の分野での協力を後押しした。",
    "半導体や人工知能などの先端技術では、研究開発の連携が進んでいる。",
    "与野党の双方から、合意の実施状況を検証すべきだとの声が上がった。",
    "各国の代表団は、議長国の調整に協力し、合意文書の取りまとめを急いだ。",
    "国際機関の報告書は、地域の成長率が緩やかに回復すると予測している。",
    "エネルギーの安定供給を確保するため、長期契約の見直しが議論された。",
    "文化交流の催しには、延べ三万人を超える来場者があった。",
    "防衛装備品の共同開発については、作業部会で技術的な検討が続く。",
    "大統領は演説で、同盟国との結束が平和の礎であると強調した。",
    "報告書の取りまとめに当たっては、多くの関係者から意見を聴取した。",
    "今後は、合意した事項を着実に実施に移していくことが求められる。",
    "観光需要の回復に伴い、地方空港への直行便も増えつつある。",
    "港湾の整備計画では、環境への配慮と効率化の両立が課題となっている。",
    "両国の議員交流も活発で、今年は合同の会合が三度開かれた。",
    "交渉の過程では、農産品の扱いが最後まで焦点となった。",
]

NOTES = [
    "外務省「会談の概要」（2025年2月7日）による。",
    "首脳会談の共同声明では、この点が初めて明記された。",
    "統計は年度ベースの速報値であり、今後改定される可能性がある。",
    "同様の枠組みは、他の同志国との間でも検討されている。",
    "詳しくは、政府の年次報告書の第3章を参照されたい。",
    "本稿の執筆時点（2025年2月9日）の情報に基づく。",
    "関係省庁の発表資料（2024年11月）を基に筆者作成。",
    "当時の肩書による。",
]

SECTIONS = ["概観", "米国との関係", "カナダとの関係", "地域の課題", "今後の展望"]
SUBSECTIONS = ["政治", "経済", "安全保障", "人的交流"]


#: A bracket's close takes no marker here; after a digit or a Latin letter (…の1 + 2) a
#: marker reads as part of the number, in print as in this text.
_NO_MARKER_AFTER = re.compile(r"[」）0-9A-Za-z０-９Ａ-Ｚａ-ｚ]")


def sample_doc(seed: int = 1, sentences: list[str] | None = None) -> Doc:
    """A document of sections, subsections, paragraphs with notes, a list and a box."""
    rng = random.Random(seed)
    pool = sentences or SENTENCES
    note_numbers = itertools.count(1)

    def para(n: int | None = None, notes: int = 0) -> Para:
        text = "".join(rng.sample(pool, n or rng.randint(2, 5)))
        marks: list[tuple[int, str]] = []
        ends = [k for k, ch in enumerate(text) if ch == "。"]
        for cut in rng.sample(ends, min(notes, len(ends))):
            # a marker after a digit (…の1 + 2) reads as one number, in print as here
            if not _NO_MARKER_AFTER.match(text[cut - 1]):
                body = rng.sample(NOTES, rng.choice([1, 1, 2, 3]))  # some run over lines
                body[0] = f"{body[0][:-1]}（第{next(note_numbers)}項）。"
                marks.append((cut, "".join(body)))
        return Para(text, sorted(marks))

    items: list[Heading | Para | Box] = []
    for s, section in enumerate(SECTIONS[: rng.randint(3, 5)]):
        items.append(Heading(1, section))
        for sub in SUBSECTIONS[: rng.randint(1, 3)]:
            items.append(Heading(2, f"{section}の{sub}" if s else sub))
            for _ in range(rng.randint(2, 4)):
                items.append(para(notes=rng.choice([0, 0, 1, 2])))
        if s == 1:
            items.append(Box("交流の現場から", "在外公館", [para(4, 1), para(3), para(4)]))
    return Doc("日本と北米の関係", "山田太郎", items)
