"""The districts of Lianyungang and the responsible units named in the 2014 pilot-city plan."""

from core.seeding import seed_row

DISTRICTS = [
    # code, name, kind, is_urban
    ("haizhou", "海州区", "district", True),
    ("lianyun", "连云区", "district", True),
    ("ganyu", "赣榆区", "district", True),
    ("donghai", "东海县", "county", False),
    ("guanyun", "灌云县", "county", False),
    ("guannan", "灌南县", "county", False),
    ("kaifaqu", "连云港经济技术开发区", "zone", True),
    ("xuwei", "徐圩新区", "zone", False),
    ("gaoxinqu", "高新区", "zone", True),
    ("yuntaishan", "云台山景区", "zone", True),
]

# In the order the plan first names them.
RESPONSIBLE_UNITS = [
    ("kejiju", "市科技局"),
    ("jingxinwei", "市经信委"),
    ("tongjiju", "市统计局"),
    ("xianqu", "各县区政府"),
    ("kaifaqu", "市开发区管委会"),
    ("xuwei", "徐圩新区管委会"),
    ("gaoxinqu", "高新区管委会"),
    ("yuntaishan", "云台山景区管委会"),
    ("gongshangju", "连云港工商局"),
    ("xuanchuanbu", "市委宣传部"),
    ("wenguangxinju", "市文广新局"),
    ("caizhengju", "市财政局"),
    ("jinrongban", "市金融办"),
    ("renmin-yinhang", "人民银行市中心支行"),
    ("yinjianju", "连云港银监局"),
    ("fagaiwei", "市发改委"),
    ("shangwuju", "市商务局"),
    ("gonganju", "市公安局"),
    ("minzhengju", "市民政局"),
    ("sifaju", "市司法局"),
    ("zhongji-fayuan", "市中级法院"),
    ("jianchayuan", "市检察院"),
    ("haiguan", "连云港海关"),
    ("zhijianju", "连云港质监局"),
    ("nongwei", "市农委"),
    ("lingdao-xiaozu", "市创建工作领导小组成员单位"),
    ("zuzhibu", "市委组织部"),
    ("jiaoyuju", "市教育局"),
    ("renshe-ju", "市人社局"),
    ("bianweiban", "市编委办"),
    ("fazhiban", "市法制办"),
    ("dishuiju", "连云港地税局"),
]


def ensure_reference_data(district_model, unit_model):
    """Create or update every district and unit; safe to run any number of times."""
    for order, (code, name, kind, is_urban) in enumerate(DISTRICTS):
        seed_row(
            district_model, {"code": code}, {"name": name, "kind": kind, "is_urban": is_urban, "sort_order": order}
        )
    for order, (code, name) in enumerate(RESPONSIBLE_UNITS):
        seed_row(unit_model, {"code": code}, {"name": name, "sort_order": order})
