"""Word lists the demo generator draws from: names, places, charges and summary templates.

Everything here is Chinese domain data (it stands for what a real export contains), so it is not translated.
The city 临江市, its districts and the area codes 3399xx are fictional on purpose: demo data must never look
like a real person's case.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Common surnames, weighted roughly by frequency (王, 李, 张 … lead).
SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 72), ("李", 71), ("张", 68), ("刘", 54), ("陈", 46), ("杨", 33), ("黄", 25), ("赵", 20),
    ("吴", 20), ("周", 19), ("徐", 15), ("孙", 15), ("马", 13), ("朱", 12), ("胡", 12), ("郭", 11),
    ("何", 10), ("林", 9), ("高", 9), ("罗", 9), ("郑", 8), ("梁", 8), ("谢", 7), ("宋", 6),
    ("唐", 6), ("许", 6), ("韩", 5), ("冯", 5), ("邓", 5), ("曹", 5), ("彭", 5), ("曾", 5),
    ("肖", 4), ("田", 4), ("董", 4), ("潘", 4), ("袁", 4), ("蔡", 4), ("蒋", 4), ("余", 4),
    ("于", 3), ("杜", 3), ("叶", 3), ("程", 3), ("魏", 3), ("苏", 3), ("吕", 3), ("丁", 3),
    ("任", 3), ("卢", 3), ("姚", 3), ("沈", 3), ("钟", 3), ("姜", 3), ("崔", 2), ("欧阳", 1),
)  # fmt: skip
GIVEN_MALE = (
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "鹏", "浩", "凯", "俊", "明", "刚", "平", "辉", "建国",
    "志强", "建华", "文博", "子轩", "浩然", "宇航", "俊杰", "明辉", "永强", "海涛", "晓东", "国庆", "家豪", "天宇",
)  # fmt: skip
GIVEN_FEMALE = (
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "雪", "琳", "洁", "秀英", "桂英", "玉兰", "晓燕",
    "丽华", "淑芬", "雨欣", "梓涵", "欣怡", "思雨", "佳怡", "慧敏", "春梅", "海燕", "红梅", "晓丽",
)  # fmt: skip

CITY = "临江市"
PROVINCE_ABBR = "江"  # first character of the department case number, like 沪 / 京 in real numbers


@dataclass(frozen=True)
class UnitSpec:
    name: str
    abbr: str  # second character(s) of the department case number
    area_code: str  # six-digit administrative division code (fictional 3399xx)
    district: str  # place name used in transferring agencies and summaries
    departments: tuple[str, ...]


UNITS: tuple[UnitSpec, ...] = (
    UnitSpec("临江市人民检察院", "临", "339900", "临江市",
             ("第一检察部", "第二检察部", "第三检察部", "第四检察部", "未成年人检察部")),
    UnitSpec("临江市东湖区人民检察院", "东", "339902", "东湖区",
             ("第一检察部", "第二检察部", "第四检察部", "未成年人检察部")),
    UnitSpec("临江市西城区人民检察院", "西", "339903", "西城区",
             ("第一检察部", "第二检察部", "第四检察部", "未成年人检察部")),
    UnitSpec("临江市南浦区人民检察院", "浦", "339904", "南浦区",
             ("第一检察部", "第二检察部", "第四检察部", "未成年人检察部")),
    UnitSpec("临江市江口区人民检察院", "口", "339905", "江口区", ("综合业务部",)),
)  # fmt: skip

JUVENILE_DEPARTMENT = "未成年人检察部"
CIVIL_DEPARTMENT = "第四检察部"
GENERAL_DEPARTMENT = "综合业务部"  # a small unit handles every line in one department


@dataclass(frozen=True)
class ChargeSpec:
    name: str
    weight: int
    department: str  # department that handles it in a unit that has one
    amount_range: tuple[int, int] | None  # yuan; None: not a property crime
    arrestable: bool  # False where the maximum penalty is 拘役 (no arrest, CPL 81)
    has_victim: bool  # a victim who must be told of the right to an agent (CPL 46)
    juvenile: bool  # plausible for suspects aged 16–17
    summaries: tuple[str, ...]
    sentences: tuple[str, ...]


# {who} suspect(s) · {when} offence date · {place} district · {amount} formatted amount
CHARGES: tuple[ChargeSpec, ...] = (
    ChargeSpec("危险驾驶罪", 22, "第一检察部", None, False, False, False, (
        "{when}，犯罪嫌疑人{who}饮酒后驾驶小型轿车行驶至{place}滨江路路口时被执勤民警查获，经鉴定其血液酒精含量为{bac}mg/100ml。",
        "{when}，犯罪嫌疑人{who}醉酒驾驶电动二轮车途经{place}建设路时被查获，血液酒精含量{bac}mg/100ml。",
    ),
    ("拘役一个月，并处罚金人民币二千元", "拘役二个月，并处罚金人民币四千元", "拘役三个月，缓刑三个月")),
    ChargeSpec("盗窃罪", 18, "第一检察部", (1500, 80000), True, True, True, (
        "{when}，犯罪嫌疑人{who}在{place}某小区地下车库内盗窃电动自行车等财物，价值人民币{amount}元。",
        "{when}，犯罪嫌疑人{who}趁被害人不备，在{place}某商场内窃取手机、现金等财物，共计价值人民币{amount}元。",
    ),
    ("有期徒刑六个月，并处罚金人民币三千元", "有期徒刑一年，并处罚金人民币五千元", "拘役五个月，并处罚金人民币二千元")),
    ChargeSpec("帮助信息网络犯罪活动罪", 12, "第二检察部", (20000, 2000000), True, False, True, (
        "{when}，犯罪嫌疑人{who}明知他人利用信息网络实施犯罪，仍将本人银行卡出租、出售给他人使用，经查该卡接收诈骗资金人民币{amount}元。",
        "{when}，犯罪嫌疑人{who}为他人实施网络诈骗提供银行卡及支付结算帮助，涉案流水人民币{amount}元。",
    ),
    ("有期徒刑六个月，并处罚金人民币二千元", "有期徒刑八个月，并处罚金人民币五千元",
     "拘役四个月，并处罚金人民币一千元")),
    ChargeSpec("诈骗罪", 10, "第二检察部", (3000, 500000), True, True, False, (
        "{when}，犯罪嫌疑人{who}以帮助办理贷款为由，骗取被害人钱款共计人民币{amount}元。",
        "{when}，犯罪嫌疑人{who}冒充客服人员谎称退款，诱骗被害人转账人民币{amount}元。",
    ),
    ("有期徒刑一年，并处罚金人民币一万元", "有期徒刑三年，并处罚金人民币三万元",
     "有期徒刑八个月，并处罚金人民币五千元")),
    ChargeSpec("故意伤害罪", 6, "第一检察部", None, True, True, True, (
        "{when}，犯罪嫌疑人{who}在{place}某饭店因琐事与被害人发生争执，持酒瓶击打被害人头部，致其轻伤一级。",
        "{when}，犯罪嫌疑人{who}与被害人因停车纠纷发生冲突，将被害人打伤，经鉴定构成轻伤二级。",
    ),
    ("有期徒刑十个月", "有期徒刑一年六个月", "有期徒刑八个月，缓刑一年")),
    ChargeSpec("掩饰、隐瞒犯罪所得罪", 5, "第二检察部", (5000, 300000), True, False, True, (
        "{when}，犯罪嫌疑人{who}明知是犯罪所得，仍帮助他人转移、取现，涉及金额人民币{amount}元。",
        "{when}，犯罪嫌疑人{who}在{place}低价收购明知系盗窃所得的手机等物品，价值人民币{amount}元。",
    ),
    ("有期徒刑七个月，并处罚金人民币三千元", "拘役六个月，并处罚金人民币二千元")),
    ChargeSpec("寻衅滋事罪", 4, "第一检察部", None, True, True, True, (
        "{when}，犯罪嫌疑人{who}酒后在{place}某KTV内无故殴打他人，造成一人轻微伤，情节恶劣。",
        "{when}，犯罪嫌疑人{who}在{place}某夜市随意殴打摊主并损毁财物，破坏社会秩序。",
    ),
    ("有期徒刑一年", "有期徒刑九个月", "有期徒刑一年二个月")),
    ChargeSpec("开设赌场罪", 4, "第一检察部", (20000, 1000000), True, False, False, (
        "{when}，犯罪嫌疑人{who}在{place}某出租屋内开设赌场，组织他人以“牌九”方式赌博，抽头渔利，赌资共计人民币{amount}元。",
        "{when}，犯罪嫌疑人{who}建立微信赌博群组织他人赌博并从中抽头，累计赌资人民币{amount}元。",
    ),
    ("有期徒刑一年，并处罚金人民币一万元", "有期徒刑二年，并处罚金人民币三万元")),
    ChargeSpec("走私、贩卖、运输、制造毒品罪", 4, "第三检察部", None, True, False, False, (
        "{when}，犯罪嫌疑人{who}在{place}某酒店附近向吸毒人员贩卖甲基苯丙胺{grams}克，被公安机关当场抓获。",
        "{when}，犯罪嫌疑人{who}通过快递从外地运输甲基苯丙胺{grams}克至{place}，被公安机关查获。",
    ),
    ("有期徒刑八个月，并处罚金人民币二千元", "有期徒刑三年，并处罚金人民币一万元",
     "有期徒刑七年，并处罚金人民币三万元")),
    ChargeSpec("非法吸收公众存款罪", 2, "第三检察部", (1000000, 50000000), True, True, False, (
        "{when}，犯罪嫌疑人{who}以投资理财、承诺高额返利为名，向社会公众非法吸收资金共计人民币{amount}元。",
    ),
    ("有期徒刑三年，缓刑四年，并处罚金人民币十万元", "有期徒刑四年，并处罚金人民币二十万元")),
    ChargeSpec("交通肇事罪", 3, "第一检察部", None, False, True, False, (
        "{when}，犯罪嫌疑人{who}驾驶小型客车在{place}环城路违反交通信号灯通行，与行人相撞致其死亡，负事故全部责任。",
    ),
    ("有期徒刑一年，缓刑一年", "有期徒刑一年六个月")),
    ChargeSpec("妨害公务罪", 2, "第一检察部", None, True, False, False, (
        "{when}，犯罪嫌疑人{who}在{place}以暴力方法阻碍民警依法执行职务，致一名民警轻微伤。",
    ),
    ("有期徒刑八个月", "拘役五个月")),
    ChargeSpec("信用卡诈骗罪", 2, "第二检察部", (10000, 200000), True, True, False, (
        "{when}，犯罪嫌疑人{who}恶意透支信用卡，经发卡银行两次催收超过三个月仍不归还，透支本金人民币{amount}元。",
    ),
    ("有期徒刑一年，并处罚金人民币二万元", "有期徒刑六个月，并处罚金人民币二万元")),
    ChargeSpec("职务侵占罪", 2, "第三检察部", (30000, 1000000), True, True, False, (
        "{when}，犯罪嫌疑人{who}利用担任某公司出纳的职务便利，将公司资金人民币{amount}元转入个人账户占为己有。",
    ),
    ("有期徒刑一年，并处罚金人民币一万元", "有期徒刑三年，并处罚金人民币五万元")),
    ChargeSpec("抢劫罪", 1, "第一检察部", (500, 20000), True, True, True, (
        "{when}，犯罪嫌疑人{who}在{place}某小巷内持刀威胁被害人，劫取现金及手机，共计价值人民币{amount}元。",
    ),
    ("有期徒刑三年六个月，并处罚金人民币五千元", "有期徒刑四年，并处罚金人民币一万元")),
    ChargeSpec("聚众斗殴罪", 1, "第一检察部", None, True, False, True, (
        "{when}，犯罪嫌疑人{who}因网络口角纠集多人在{place}某广场与对方持械斗殴，造成多人受伤。",
    ),
    ("有期徒刑一年", "有期徒刑二年")),
)  # fmt: skip

PROPERTY_CHARGES = frozenset(c.name for c in CHARGES if c.amount_range is not None)

# Civil, administrative and public-interest matters: (case type, line, name template, dispositions, summary).
CIVIL_MATTERS: tuple[tuple[str, str, str, tuple[str, ...], str], ...] = (
    ("民事诉讼监督", "民事", "{a}与{b}民间借贷纠纷民事生效裁判监督案",
     ("不支持监督申请", "提出再审检察建议", "提请抗诉"),
     "申请人{a}不服{place}人民法院民间借贷纠纷民事判决，向本院申请监督。"),
    ("民事诉讼监督", "民事", "{a}与{b}买卖合同纠纷执行活动监督案", ("发出检察建议", "终结审查"),
     "申请人{a}认为{place}人民法院在买卖合同纠纷执行中存在违法情形，申请监督。"),
    ("行政诉讼监督", "行政", "{a}与临江市{place}人力资源和社会保障局工伤认定行政生效裁判监督案",
     ("不支持监督申请", "提出再审检察建议"), "申请人{a}不服工伤认定行政判决，向本院申请监督。"),
    ("公益诉讼", "公益诉讼", "{place}饮用水水源地生态环境保护行政公益诉讼案", ("发出诉前检察建议", "终结案件"),
     "本院在履职中发现{place}某饮用水水源保护区内存在违法排污问题，相关行政机关未依法全面履职。"),
    ("公益诉讼", "公益诉讼", "{place}校园周边食品安全行政公益诉讼案", ("发出诉前检察建议", "终结案件"),
     "本院在履职中发现{place}多所学校周边流动摊贩销售“三无”食品，监管部门未依法履职。"),
)  # fmt: skip

# Department-case-number business codes (the part after 检), as on real numbers: 刑诉受 / 刑捕受 …
CASE_NO_CODES = {
    ("审查起诉", False): "刑诉受",
    ("审查起诉", True): "未诉受",
    ("审查逮捕", False): "刑捕受",
    ("审查逮捕", True): "未捕受",
    ("民事诉讼监督", False): "民监受",
    ("行政诉讼监督", False): "行监受",
    ("公益诉讼", False): "公益受",
}

CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_count(n: int) -> str:
    """2 → 二, 12 → 十二: for 张某某等二人 and sentence texts."""
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" + (CHINESE_DIGITS[ones] if ones else "")


def yuan(amount: Decimal) -> str:
    """Amount as written in summaries: 12,345.60."""
    return f"{amount:,.2f}"
