"""The districts of Lianyungang and the responsible units named in the 2014 pilot-city plan."""

from core.seeding import seed_row, with_english_name

DISTRICTS = [
    # code, name, English name, kind, is_urban
    ("haizhou", "海州区", "Haizhou District", "district", True),
    ("lianyun", "连云区", "Lianyun District", "district", True),
    ("ganyu", "赣榆区", "Ganyu District", "district", True),
    ("donghai", "东海县", "Donghai County", "county", False),
    ("guanyun", "灌云县", "Guanyun County", "county", False),
    ("guannan", "灌南县", "Guannan County", "county", False),
    ("kaifaqu", "连云港经济技术开发区", "Lianyungang Economic and Technological Development Zone", "zone", True),
    ("xuwei", "徐圩新区", "Xuwei New Area", "zone", False),
    ("gaoxinqu", "高新区", "Lianyungang High-tech Zone", "zone", True),
    ("yuntaishan", "云台山景区", "Yuntai Mountain Scenic Area", "zone", True),
]

# In the order the plan first names them: code, name, English name.
RESPONSIBLE_UNITS = [
    ("kejiju", "市科技局", "Municipal Science and Technology Bureau"),
    ("jingxinwei", "市经信委", "Municipal Economic and Information Technology Commission"),
    ("tongjiju", "市统计局", "Municipal Statistics Bureau"),
    ("xianqu", "各县区政府", "County and district governments"),
    ("kaifaqu", "市开发区管委会", "Development Zone Administrative Committee"),
    ("xuwei", "徐圩新区管委会", "Xuwei New Area Administrative Committee"),
    ("gaoxinqu", "高新区管委会", "High-tech Zone Administrative Committee"),
    ("yuntaishan", "云台山景区管委会", "Yuntai Mountain Scenic Area Administrative Committee"),
    ("gongshangju", "连云港工商局", "Lianyungang Administration for Industry and Commerce"),
    ("xuanchuanbu", "市委宣传部", "Publicity Department of the Municipal Party Committee"),
    ("wenguangxinju", "市文广新局", "Municipal Bureau of Culture, Radio, Film, Press and Publication"),
    ("caizhengju", "市财政局", "Municipal Finance Bureau"),
    ("jinrongban", "市金融办", "Municipal Financial Affairs Office"),
    ("renmin-yinhang", "人民银行市中心支行", "People's Bank of China, Lianyungang Central Sub-branch"),
    ("yinjianju", "连云港银监局", "Lianyungang Banking Regulatory Bureau"),
    ("fagaiwei", "市发改委", "Municipal Development and Reform Commission"),
    ("shangwuju", "市商务局", "Municipal Commerce Bureau"),
    ("gonganju", "市公安局", "Municipal Public Security Bureau"),
    ("minzhengju", "市民政局", "Municipal Civil Affairs Bureau"),
    ("sifaju", "市司法局", "Municipal Justice Bureau"),
    ("zhongji-fayuan", "市中级法院", "Lianyungang Intermediate People's Court"),
    ("jianchayuan", "市检察院", "Municipal People's Procuratorate"),
    ("haiguan", "连云港海关", "Lianyungang Customs"),
    ("zhijianju", "连云港质监局", "Lianyungang Quality and Technical Supervision Bureau"),
    ("nongwei", "市农委", "Municipal Agriculture Commission"),
    ("lingdao-xiaozu", "市创建工作领导小组成员单位", "Member units of the municipal pilot-city leading group"),
    ("zuzhibu", "市委组织部", "Organisation Department of the Municipal Party Committee"),
    ("jiaoyuju", "市教育局", "Municipal Education Bureau"),
    ("renshe-ju", "市人社局", "Municipal Human Resources and Social Security Bureau"),
    ("bianweiban", "市编委办", "Municipal Commission Office for Public Sector Reform"),
    ("fazhiban", "市法制办", "Municipal Legal Affairs Office"),
    ("dishuiju", "连云港地税局", "Lianyungang Local Taxation Bureau"),
]


def ensure_reference_data(district_model, unit_model):
    """Create or update every district and unit; safe to run any number of times."""
    for order, (code, name, name_en, kind, is_urban) in enumerate(DISTRICTS):
        values = {"name": name, "kind": kind, "is_urban": is_urban, "sort_order": order}
        seed_row(district_model, {"code": code}, with_english_name(district_model, values, name_en))
    for order, (code, name, name_en) in enumerate(RESPONSIBLE_UNITS):
        seed_row(
            unit_model, {"code": code}, with_english_name(unit_model, {"name": name, "sort_order": order}, name_en)
        )
