using System.Collections.Generic;
using System.Collections.Immutable;

namespace FinCompliance.Analyzers.Promotion.Text;

/// <summary>
/// The phrases FIN1001 and FIN1004 look for, and the look-alikes they leave alone. All are matched after
/// <see cref="NormalizedText"/> folding, so case, full-width forms and CJK spacing do not matter here.
/// </summary>
internal static class BuiltInTerms
{
    /// <summary>FIN1001: promises of principal protection, guaranteed yield or no risk (SPEC §4 and common variants).</summary>
    public static readonly ImmutableArray<string> Guarantee = ImmutableArray.Create(
        "保本", "保息", "保收益", "保底收益", "保底", "保证本金", "保障本金", "本金无忧", "本金保障", "本息保障",
        "保证收益", "承诺收益", "收益保证", "固定收益保证", "稳赚", "稳赚不赔", "包赚", "只赚不赔", "稳赢", "零风险", "无风险",
        "没有风险", "没风险", "毫无风险", "不会亏损", "不会亏本", "绝不亏损", "刚性兑付", "刚兑", "100%安全", "百分百安全",
        "100%保本", "旱涝保收", "本息全额保障",
        "guaranteed return", "guaranteed returns", "guaranteed yield", "guaranteed yields", "guaranteed income",
        "guaranteed profit", "guaranteed profits", "guaranteed interest", "guarantee returns", "guarantees returns",
        "guarantee your returns", "returns are guaranteed", "return is guaranteed", "yield is guaranteed",
        "income is guaranteed", "profits are guaranteed", "risk free", "riskfree", "zero risk", "no risk",
        "without any risk", "principal protected", "principal guaranteed", "principal is guaranteed",
        "principal is protected", "capital protected", "capital guaranteed", "capital is guaranteed",
        "can't lose", "cannot lose", "can not lose", "won't lose money", "100% safe");

    /// <summary>
    /// FIN1004: superlatives (Advertising Law Art. 9) and borrowed endorsements. A bare 最高 is not a term: lending
    /// copy must state limits such as 最高年化利率不超过24% and 最高可借20万; 最高 is a claim only about returns.
    /// </summary>
    public static readonly ImmutableArray<string> Claim = ImmutableArray.Create(
        "最高收益", "收益最高", "最高回报", "回报最高", "最高年化收益", "年化最高", "最高级", "最佳", "最好", "最优", "最强", "最安全", "最稳健", "最低风险", "第一", "第1",
        "首选", "顶级", "国家级", "世界级", "史上最", "全网最", "全国首家", "央行背书", "监管背书", "政府背书", "国资背书",
        "国家背书", "央行认可", "央行批准", "监管认可", "监管批准", "政府认可", "政府担保", "国家担保",
        "best return", "best returns", "best yield", "best rates", "highest yield", "highest yields", "highest return",
        "highest returns", "highest interest", "number one", "no. 1", "no.1", "#1", "top rated", "government backed",
        "backed by the government", "government endorsed", "government guaranteed", "state backed",
        "regulator approved", "approved by the regulator", "regulator endorsed", "endorsed by the regulator",
        "central bank backed", "backed by the central bank", "sec approved", "fca approved");

    /// <summary>
    /// Phrases that contain a term but are not a promise or claim: ordinals and factual limits (第一期, 最高可借),
    /// technical terms (无风险利率, the risk-free rate of pricing models), and "this …" readings of 保本 (确保本次).
    /// A term occurrence inside one of these is not flagged.
    /// </summary>
    public static readonly ImmutableArray<string> Exempt = CreateExempt();

    private static ImmutableArray<string> CreateExempt()
    {
        var list = new List<string>
        {
            "第一时间", "最高可", "最高额度", "单笔最高", "最高限额", "最高金额", "最高不超过", "最高不得", "最高借款",
            "最高购买", "最高投资额", "最高贷款", "最高授信", "最高人民法院", "最高人民检察院", "最高法", "最高检",
            "无风险利率", "risk free rate", "risk free interest rate", "first installment", "first instalment",
            "first phase", "first step", "number one priority", "首选项",

            // "No risk assessment on file", 暂无风险测评: the customer's risk profile is missing, not the product's risk.
            "no risk assessment", "no risk profile", "no risk level", "no risk rating", "no risk score",
            "no risk questionnaire", "no risk tolerance", "no risk test", "no risk evaluation", "no risk category",
            "无风险测评", "无风险评估", "无风险等级", "无风险评级", "无风险承受", "无风险问卷",

            // Numbered steps and the lowest class of a risk-rating scale are facts, not rankings.
            "step #1", "tip #1", "option #1", "question #1", "item #1", "part #1", "phase #1", "stage #1",
            "step no. 1", "step no.1", "step number one", "最低风险等级", "最低风险级别",

            // 最好 as advice ("you had better …"), not "the best".
            "您最好", "你最好", "最好先", "最好在", "最好不要", "最好能", "最好提前", "最好咨询", "最好阅读", "最好了解",
            "最好根据", "最好结合",
        };

        // Ordinals: 第一期, 第1期, 第一次, 第一季度 … count things, they do not rank the product.
        string[] measures =
        [
            "期", "次", "步", "章", "节", "条", "款", "项", "天", "日", "周", "月", "个月", "年", "季度", "季", "笔", "批",
            "阶段", "部分", "轮", "页", "篇", "届", "课", "单", "份", "个工作日", "个交易日", "位客户", "档", "层", "级", "类",
        ];
        foreach (var measure in measures)
        {
            list.Add("第一" + measure);
            list.Add("第1" + measure);
        }

        // 确保本次 / 担保本人: 保 + 本X ("this X"), not 保本.
        string[] thisWords = ["次", "人", "页", "条", "轮", "行", "公司", "平台", "网站", "系统", "账户", "活动", "协议", "合同"];
        foreach (var word in thisWords)
        {
            list.Add("确保本" + word);
            list.Add("担保本" + word);
        }

        return list.ToImmutableArray();
    }
}
