using Gongkai.Domain.Common;

namespace Gongkai.Core.Features.Demo;

/// <summary>
/// The 正文 of a demo item: a few sentences in an office's usual wording, chosen by the item's category and varied by
/// its title (条例 Art 12: a 目录 entry carries a 内容概述; a page with a title only tells the public nothing). Made
/// from the row alone, never from the generator's <see cref="Random"/>, so adding bodies changed no generated record
/// and the same item always reads the same.
/// </summary>
internal static class ItemBodies
{
    /// <param name="row">An items ledger row in <see cref="Proactive.ImportItems.Headers"/> order.</param>
    public static string For(string agency, IReadOnlyList<string> row)
    {
        var (title, documentNumber, category, division) = (row[0], row[1], row[2], row[4]);
        var office = division.Length == 0 ? agency : agency + division;
        var date = DateInput.Parse(row[6]) is { } publishedOn ? ChineseDate.Format(publishedOn) : "近日";
        return category[(category.LastIndexOf('/') + 1)..] switch
        {
            "规范性文件" =>
                $"各有关单位：\n为进一步做好相关工作，根据有关法律、法规和上级部门的要求，结合本区实际，{agency}制定了本文件（{documentNumber}），现予印发，请认真贯彻执行。\n本文件自印发之日起施行，由{office}负责解释。",
            "行政许可" =>
                $"根据《中华人民共和国行政许可法》第四十条，现将{agency}作出的准予行政许可决定予以公示，内容包括许可事项、申请人名称、决定日期和许可证件编号。\n对公示内容有异议的，请自公示之日起五个工作日内与{office}联系。",
            "行政处罚" =>
                $"{documentNumber}行政处罚决定书的主要内容如下：当事人的违法事实清楚，证据确凿，{agency}依法作出行政处罚决定。\n当事人对本决定不服的，可以自收到决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。",
            "行政事业性收费" =>
                $"现将{agency}的行政事业性收费项目、收费依据和收费标准予以公开，未列入公开目录的项目一律不得收费。如有疑问，请与{office}联系。",
            "政府集中采购" =>
                $"“{Subject(title, agency)}”已按照《中华人民共和国政府采购法》规定的程序完成采购，现将采购结果公告如下：采购人为{agency}，项目名称、成交供应商和成交金额详见采购文件。\n公告期限为1个工作日（《中华人民共和国政府采购法实施条例》第四十三条）。",
            "建议提案办理结果" =>
                $"{agency}高度重视建议提案办理工作。“{title}”由{office}牵头承办，认真研究、逐项落实，并与代表委员当面沟通。\n现将办理结果公开如下：所提建议已纳入本年度工作安排，我们将持续跟进落实情况，并及时反馈。",
            "规划计划" =>
                $"为明确年度工作目标和重点任务，{agency}编制了本计划。计划围绕中心工作，提出主要任务、责任分工和时间安排。\n本计划由{office}负责组织实施和跟踪督办，执行情况将在下一年度予以公开。",
            "预算" or "决算" =>
                $"根据《中华人民共和国预算法》第十四条，现将《{title}》予以公开，内容包括部门职责及机构设置、收支总体情况、财政拨款收支情况、“三公”经费情况及有关名词解释。",
            "年度报告" =>
                $"依据《中华人民共和国政府信息公开条例》第五十条，{agency}编制了本报告，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项。",
            "政府信息公开指南" =>
                $"根据《中华人民共和国政府信息公开条例》第十二条，{agency}编制了政府信息公开指南，载明政府信息的分类、编排体系、获取方式，以及政府信息公开工作机构的名称、办公地址、办公时间和联系方式。",
            "政府信息主动公开全清单" =>
                $"为方便公众查阅，{agency}编制了政府信息主动公开全清单，列明本机关主动公开政府信息的类别、内容、公开时限和公开方式，并根据工作变化及时调整。",
            _ => News(office, Subject(title, agency), date, Variant(title)),
        };
    }

    /// <summary>An item of 业务动态 (and any category without its own wording): one of three ways offices write them.</summary>
    private static string News(string office, string subject, string date, int variant) => variant switch
    {
        0 => $"近日，{office}围绕“{subject}”开展工作，按照年度工作安排细化任务分工，加强沟通协调，确保各项工作落到实处。\n下一步，将持续跟踪工作进展，及时公开有关情况。",
        1 => $"{date}，{office}召开专题会议，研究部署“{subject}”有关工作。会议总结了前一阶段的工作成效，分析了存在的问题，明确了下一阶段的重点任务和完成时限。",
        _ => $"为落实区委、区政府的工作部署，{office}围绕“{subject}”深入开展调研走访，听取有关方面的意见建议，推动问题解决。\n有关工作进展将通过本专栏持续公开。",
    };

    /// <summary>The title without the agency's name before it and the number or issue in brackets after it.</summary>
    private static string Subject(string title, string agency)
    {
        var subject = title.StartsWith(agency, StringComparison.Ordinal) ? title[agency.Length..] : title;
        var bracket = subject.LastIndexOf('（');
        subject = bracket > 0 && subject.EndsWith('）') ? subject[..bracket] : subject;
        return subject.EndsWith("动态", StringComparison.Ordinal) ? subject[..^2] : subject;
    }

    /// <summary>A choice by the title's characters: stable across runs and platforms (string.GetHashCode is not).</summary>
    private static int Variant(string title) => title.Sum(c => (int)c) % 3;
}
