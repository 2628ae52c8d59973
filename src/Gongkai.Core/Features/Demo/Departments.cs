using System.Globalization;

namespace Gongkai.Core.Features.Demo;

/// <summary>
/// Departments of a Beijing district government (区政府工作部门) and its 街道办事处, as profiles for generated
/// records: the demo takes the first few under 北京市东城区, the benchmark as many as it is asked for.
/// </summary>
internal static class Departments
{
    private static readonly (string Name, string Short, string[] Subjects, string[] Divisions, double Scale)[] Profiles =
    [
        ("发展和改革委员会", "发改", ["固定资产投资项目核准", "价格监督检查", "重大项目建设", "节能审查", "社会信用体系建设"], ["办公室", "综合规划科", "投资科", "价格科"], 1.2),
        ("教育委员会", "教", ["义务教育入学", "校外培训机构治理", "中小学校舍改造", "教师招聘", "学前教育资源"], ["办公室", "基础教育科", "学前教育科", "人事科"], 1.8),
        ("卫生健康委员会", "卫健", ["医疗机构执业登记", "公共场所卫生监督", "传染病防控", "家庭医生签约", "母婴保健"], ["办公室", "医政科", "疾控科", "综合监督科"], 1.6),
        ("市场监督管理局", "市监", ["食品经营许可", "企业登记注册", "特种设备安全", "价格违法行为查处", "广告监测"], ["办公室", "登记注册科", "食品安全科", "执法稽查科"], 2.0),
        ("住房和城市建设委员会", "住建", ["老旧小区综合整治", "直管公房管理", "建筑工程施工许可", "物业管理", "房屋征收"], ["办公室", "房屋管理科", "建设工程科", "物业科"], 1.9),
        ("民政局", "民", ["最低生活保障", "养老服务驿站", "社会组织登记", "婚姻登记", "殡葬管理"], ["办公室", "社会救助科", "养老服务科", "社会组织科"], 1.0),
        ("人力资源和社会保障局", "人社", ["就业困难人员认定", "劳动保障监察", "职业技能培训补贴", "社会保险待遇"], ["办公室", "就业科", "劳动监察科", "社保科"], 1.1),
        ("财政局", "财", ["部门预算", "政府采购", "财政专项资金", "国有资产管理"], ["办公室", "预算科", "国库科", "采购科"], 0.7),
        ("生态环境局", "环", ["建设项目环境影响评价", "大气污染防治", "环境违法行为处罚", "噪声污染治理"], ["办公室", "环评科", "大气科", "执法队"], 0.9),
        ("城市管理委员会", "城管", ["背街小巷环境整治", "垃圾分类", "户外广告设置", "燃气供热管理"], ["办公室", "市容科", "环卫科", "能源科"], 1.0),
        ("城市管理综合行政执法局", "城执", ["违法建设查处", "占道经营治理", "餐饮油烟执法", "施工噪声执法"], ["办公室", "法制科", "勤务指挥科"], 1.3),
        ("文化和旅游局", "文旅", ["文物保护修缮", "公共文化设施", "演出市场管理", "旅游安全"], ["办公室", "文物科", "公共文化科", "市场科"], 0.6),
        ("商务局", "商", ["老字号保护", "商业网点规划", "消费券发放", "外资企业服务"], ["办公室", "商贸科", "外经科"], 0.5),
        ("司法局", "司", ["法律援助", "人民调解", "行政执法监督", "普法宣传"], ["办公室", "法律服务科", "调解科"], 0.5),
        ("应急管理局", "应急", ["安全生产执法检查", "应急预案", "防汛工作", "危险化学品管理"], ["办公室", "执法科", "应急科"], 0.6),
        ("退役军人事务局", "退役", ["优抚对象抚恤", "退役士兵安置", "烈士纪念设施"], ["办公室", "优抚科", "安置科"], 0.3),
        ("体育局", "体", ["全民健身设施", "体育赛事活动", "体育场馆开放"], ["办公室", "群体科"], 0.3),
        ("统计局", "统", ["经济普查", "人口抽样调查", "统计执法检查"], ["办公室", "综合科", "普查中心"], 0.3),
        ("审计局", "审", ["预算执行审计", "经济责任审计", "审计整改"], ["办公室", "财政审计科", "经责科"], 0.3),
        ("国有资产监督管理委员会", "国资", ["国有企业改革", "国有资产处置", "企业负责人薪酬"], ["办公室", "产权科"], 0.3),
        ("医疗保障局", "医保", ["医保定点机构", "医疗救助", "医保基金监管"], ["办公室", "待遇科", "基金监管科"], 0.6),
        ("科学技术和信息化局", "科信", ["高新技术企业认定", "科技项目资金", "政务信息化"], ["办公室", "科技科", "信息化科"], 0.4),
        ("园林绿化局", "园林", ["树木移伐审批", "公园管理", "绿化工程"], ["办公室", "绿化科", "公园科"], 0.4),
        ("水务局", "水", ["河湖管理", "排水设施", "节约用水"], ["办公室", "水政科", "排水科"], 0.3),
        ("交通支队", "交", ["停车设施管理", "道路交通秩序", "占道施工审批"], ["办公室", "秩序科"], 0.5),
        ("人民政府办公室", "政办", ["政府常务会议", "政务公开", "12345接诉即办"], ["秘书科", "政务公开科", "督查科"], 0.8),
    ];

    private static readonly string[] Streets =
    [
        "东华门街道", "景山街道", "交道口街道", "安定门街道", "北新桥街道", "东四街道", "朝阳门街道", "建国门街道", "东直门街道",
        "和平里街道", "前门街道", "崇文门外街道", "东花市街道", "龙潭街道", "体育馆路街道", "天坛街道", "永定门外街道",
    ];

    private static readonly string[] StreetSubjects = ["老旧小区改造", "社区养老服务", "背街小巷整治", "疏解整治促提升", "社区议事协商", "垃圾分类"];
    private static readonly string[] StreetDivisions = ["党政综合办公室", "社区建设办公室", "城市管理办公室", "民生保障办公室"];

    /// <summary>How many distinct profiles there are before names repeat with a number.</summary>
    public static int Distinct => Profiles.Length + Streets.Length;

    /// <summary>
    /// The <paramref name="n"/>th department (0-based) of <paramref name="district"/> (e.g. 北京市东城区); its document
    /// numbers start with <paramref name="districtShort"/> (东). Past <see cref="Distinct"/> the names repeat with
    /// （二）, （三）… so every agency name stays unique.
    /// </summary>
    public static DepartmentProfile For(string district, string districtShort, int n)
    {
        var round = n / Distinct;
        var k = n % Distinct;
        var suffix = round == 0 ? "" : "（" + (round + 1).ToString(CultureInfo.InvariantCulture) + "）";
        if (k < Profiles.Length)
        {
            var p = Profiles[k];
            return new DepartmentProfile(district + p.Name + suffix, districtShort + p.Short, p.Subjects, p.Divisions, p.Scale);
        }

        var street = Streets[k - Profiles.Length];
        return new DepartmentProfile(district + street + "办事处" + suffix, districtShort + street[..2], StreetSubjects, StreetDivisions, 0.5);
    }
}
