"""The parse tables of govspeech.lark, computed by Lark: GENERATED, do not edit.

Regenerate with ``python -m govspeech.syntax.build`` after changing the grammar (a test fails
until then). See `govspeech.syntax.build` for what each name holds.
"""

# fmt: off
# ruff: noqa: E501

GRAMMAR_CRC32 = (2185723371, 20597)

TERMINALS: tuple[tuple[str, int, str], ...] = (
    ('PART', 9, '第[一二三四五六七八九十百零〇两]{1,8}部分[ \t\u3000\xa0]*[、：:．.]?'),  # 0
    ('BOOK', 9, '第[一二三四五六七八九十百零〇两]{1,8}编[ \t\u3000\xa0]*[、：:．.]?'),  # 1
    ('SUBBOOK', 9, '第[一二三四五六七八九十百零〇两]{1,8}分编[ \t\u3000\xa0]*[、：:．.]?'),  # 2
    ('CHAPTER', 9, '第[一二三四五六七八九十百零〇两]{1,8}章[ \t\u3000\xa0]*[、：:．.]?'),  # 3
    ('SECTION', 9, '第[一二三四五六七八九十百零〇两]{1,8}节[ \t\u3000\xa0]*[、：:．.]?'),  # 4
    ('SUPPLEMENT', 9, '附[ \t\u3000]*则[ \t\u3000]*$'),  # 5
    ('ANNEX', 9, '(?:附件([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[：:](?=[ \t\u3000]*$)[ \t\u3000\xa0]*|附件([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})?(?=[ \t\u3000]|$)[ \t\u3000\xa0]*)'),  # 6
    ('ARTICLE', 9, '第[一二三四五六七八九十百零〇两]{1,8}条(之[一二三四五六七八九十]{1,3})?(?![规修改增删第中的后和至及与所以经是要原线路、，,。；;：:之])[ \t\u3000\xa0]*'),  # 7
    ('ARTICLE_CAPTION', 0, '[（(](?!删去|删除)[^\n（()）。；;]{1,30}[)）]'),  # 8
    ('CN_BARE', 8, '([二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?![一二三四五六七八九十])[ \t\u3000]*$'),  # 9
    ('CN_NUM', 8, '[一二三四五六七八九十百零〇两]{1,8}[ \t\u3000\xa0]*[、．.](?![一二三四五六七八九十]+[、，,季线])'),  # 10
    ('CN_PAREN', 8, '[（(][ \t\u3000\xa0]*[一二三四五六七八九十百零〇两]{1,8}[ \t\u3000\xa0]*[)）][、，,．.]?'),  # 11
    ('AR_DOT', 7, '[0-9０-９]{1,3}[ \t\u3000\xa0]*[.．、﹒](?![0-9０-９])'),  # 12
    ('AR_PAREN', 7, '[（(][ \t\u3000\xa0]*[0-9０-９]{1,3}[ \t\u3000\xa0]*[)）][、，,．.]?'),  # 13
    ('AR_HALF_PAREN', 7, '[0-9０-９]{1,3}[)）]'),  # 14
    ('CIRCLED', 7, '[①-⑳㉑-㉟㊱-㊿][、，,．.]?'),  # 15
    ('PAREN_DIGIT', 7, '[⑴-⒇⒈-⒛][、，,．.]?'),  # 16
    ('PAREN_IDEOGRAPH', 8, '[㈠-㈩][、，,．.]?'),  # 17
    ('ENUM_SHI', 6, '[一二三四五六七八九十]{1,3}是(?!否)'),  # 18
    ('ENUM_YAO', 6, '[一二三四五六七八九十]{1,3}要(?![求素点件])'),  # 19
    ('ORDINAL', 6, '第[一二三四五六七八九十]{1,3}[ \t\u3000\xa0]*[，,、：:．.]'),  # 20
    ('SEQUENCE', 6, '(首先|其次|再次|最后|最後)[ \t\u3000\xa0]*[，,：:]'),  # 21
    ('SEQUENCE_BARE', 6, '(首先|其次|再次|最后|最後)(?=要)'),  # 22
    ('DATELINE', 7, '(?:(——|─{2,}|－{2,})—?[ \t\u3000\xa0]*([0-9０-９]{4}|[一二三四五六七八九〇○零]{4})年[^。！？\n]{0,40}$|(——|─{2,}|－{2,})—?[ \t\u3000\xa0]*[^\n。！？，,]{0,60}(讲话|发言|致辞|报告|講話|發言|致辭|報告)[ \t\u3000]*$)'),  # 23
    ('DASH', 5, '(—{2,3}|(─{2,}|－{2,}|-{2,})(?![ \t\u3000]*([-—─－=>]|$)))'),  # 24
    ('NOTES', 5, '(注|注释)[ \t\u3000]*[：:]'),  # 25
    ('ATTACHMENTS', 5, '附[ \t\u3000]*件[ \t\u3000]*[：:]'),  # 26
    ('CONTENTS', 5, '目[ \t\u3000]*录[ \t\u3000]*$'),  # 27
    ('TITLE', 4, '(?=[^\n。！？!?，,；;：:]{2,110}$)[^\n。！？!?，,；;：:]{0,60}(讲话|讲话稿|讲话提纲|发言|致辞|报告|講話|講話稿|發言|致辭|報告)(篇[一二三四五六七八九十百零〇]+|[0-9０-９]+)?([（(][^\n（()）]{1,20}[)）])?[ \t\u3000]*$'),  # 28
    ('DOC_TITLE', 4, '(?=[^\n。！？!?，,；;：:\\[\\]>]{2,110}$)(?!特此|现将|现予|此复|请|经研究|根据|为了|附件)[^\n。！？!?，,；;：:\\[\\]>]{0,80}(通知|通报|报告|意见|决定|决议|命令|(?<![禁指法口号密军政律条])令|公报|公告|通告|请示|批复|议案|纪要|复函|函|办法|规定|条例|细则|规则|方案|计划|规划|纲要|要点|指引|指南|标准|清单|章程|准则|守则|修正案|解释|(?<![做看说想写用方])法)([（(][^\n（()）]{1,24}[)）])*[ \t\u3000]*$'),  # 29
    ('SALUTATION', 4, '((各位|尊敬的)[^\n。！？，,]{0,10}(代表|委员|领导|同志|来宾|嘉宾)|同志们|同志們|同事们|同事們|朋友们|朋友們|女士们|女士們|先生们|先生們)[^\n。？?！!]{0,16}[：:，,]?[ \t\u3000]*$'),  # 30
    ('ADDRESS', 4, '(?:((各位|尊敬的)[^\n。！？，,]{0,10}(代表|委员|领导|同志|来宾|嘉宾)|同志们|同志們|同事们|同事們|朋友们|朋友們|女士们|女士們|先生们|先生們)[^\n。？?]{0,16}[！!][ \t\u3000]*$|大家(早上|上午|中午|下午|晚上)?好[！!。]?[ \t\u3000]*$)'),  # 31
    ('CLOSING', 3, '(?:[^\n。]{0,12}(谢谢大家|谢谢各位|謝謝大家|謝謝各位|散会|散會|我就讲(这么多|这些|到这里)|我就讲.{0,4}(意见|几点)|到此结束)|今天的(会议|會議)(议程|議程)?(全部)?(完毕|结束|完畢|結束|到此)|同志[们們][，,！!])'),  # 32
    ('CONCLUSION', 3, '结[ \t\u3000]*束[ \t\u3000]*语[ \t\u3000]*$'),  # 33
    ('ADDRESS_TURN', 2, '((各位|尊敬的)[^\n。！？，,]{0,10}(代表|委员|领导|同志|来宾|嘉宾)|同志们|同志們|同事们|同事們|朋友们|朋友們|女士们|女士們|先生们|先生們)[^\n。？?！!，,]{0,16}[！!](?=[^ \t\u3000\n])'),  # 34
    ('ADDRESS_LEAD', 2, '((各位|尊敬的)[^\n。！？，,]{0,10}(代表|委员|领导|同志|来宾|嘉宾)|同志们|同志們|同事们|同事們|朋友们|朋友們|女士们|女士們|先生们|先生們)[^\n。？?！!，,]{0,16}[，,](?=[^ \t\u3000\n])'),  # 35
    ('CALL', 2, '让我们'),  # 36
    ('SLOGAN', 2, '[^\n。，,！!]{1,30}万岁[！!][ \t\u3000]*$'),  # 37
    ('PART_TITLE', 3, '(?=[^\n]{4,32}$)(?![0-9０-９]{2,})[^\n。，,；;：:！!？?《》“”"（()）]{2,28}(工作|建设|情况|措施|任务|问题|总结|形势)[ \t\u3000]*$'),  # 38
    ('SUMMING_UP', 2, '(回顾(过去|这|今年|五年|十年|一年)|总之|总而言之|总的(看|来看|来说|说来)|总起来(看|说)|综上|综合(以上|上述)|上述|以上(这些|各项|几个方面|几项)|在肯定成绩的同时)'),  # 39
    ('DOC_NUMBER', 3, '(?:[^\n，,。；;：:（()）]{1,16}[〔\\[［【(（][0-9０-９]{4}[〕\\]］】)）]第?[0-9０-９]{1,5}号[ \t\u3000]+签[ \t\u3000]*发[ \t\u3000]*人[ \t\u3000]*[：:][^\n。，,；;]{1,30}$|[（(]?[^\n，,。；;：:（()）]{1,16}[〔\\[［【(（][0-9０-９]{4}[〕\\]］】)）]第?[0-9０-９]{1,5}号[)）]?[ \t\u3000]*$|[（(]?[^\n，,。；;：:（()）]{2,24}令[ \t\u3000]*第[0-9０-９一二三四五六七八九十百零〇]{1,6}号[)）]?[ \t\u3000]*$|第[ \t\u3000]*[0-9０-９一二三四五六七八九十百零〇]{1,6}[ \t\u3000]*号[ \t\u3000]*$)'),  # 40
    ('COPY_NUMBER', 3, '[0-9０-９]{6}[ \t\u3000]*$'),  # 41
    ('SECRECY', 3, '(绝密|机密|秘密)([ \t\u3000]*[★☆][ \t\u3000]*[^\n。，,；;：:]{0,12})?[ \t\u3000]*$'),  # 42
    ('URGENCY', 3, '(特急|加急|特提|平急)[ \t\u3000]*$'),  # 43
    ('ISSUER_MARK', 3, '[^\n。！？!?，,；;：:《》“”]{2,60}文件[ \t\u3000]*$'),  # 44
    ('SIGNER', 5, '签[ \t\u3000]*发[ \t\u3000]*人[ \t\u3000]*[：:]'),  # 45
    ('CC', 5, '抄[ \t\u3000]*(送|报)[ \t\u3000]*[：:]'),  # 46
    ('PRINTING', 3, '[^\n。；;]{0,60}[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日[ \t\u3000]*印发[ \t\u3000]*$'),  # 47
    ('KEYWORDS', 5, '主[ \t\u3000]*题[ \t\u3000]*词[ \t\u3000]*[：:]'),  # 48
    ('PROOF', 5, '(?:[（(]共印[0-9０-９一二三四五六七八九十百千]{1,8}份[)）][ \t\u3000]*$|校[ \t\u3000]*对[ \t\u3000]*[：:])'),  # 49
    ('ADDRESSEES', 3, '(?:各(?!位)[^\n。！？!?；;：:，,、]{1,20}[：:][ \t\u3000]*$|(?=[^\n]{1,120}[：:][ \t\u3000]*$)(?![^\n]*(下列|如下|以下|应当|必须|要求))[^\n。！？!?；;]{0,80}(人民政府|政府|各部门|各单位|委员会|办公厅|办公室|管委会|机关|厅|局|委|院|部|司|署|处|所|中心|公司|学校|协会)[^\n。！？!?；;：:]{0,30}[：:][ \t\u3000]*$)'),  # 50
    ('DOC_DATE', 3, '([0-9０-９]{4}|[一二三四五六七八九〇○零]{4})年[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日[ \t\u3000]*$'),  # 51
    ('OPENING', 2, '今天[^\n。！？]{0,25}(召开|会议|召開|會議)'),  # 52
    ('BOILERPLATE', 9, '(?:【法宝引证码】[^\n]*|[【\\[]?本文(地址|链接|来源|网址|連結|來源)[:：][^\n]*|(Public domain|false)[ \t]*$|原文链接[:：][^\n]*|(?=[^\n]*小[编編])(?=(?P<BLURB_HEAD>[^\n]*?小[编編]))(?P=BLURB_HEAD)[^\n]*?(带来|整理|收集|分享|推荐|编辑|帶來|推薦|編輯)[^\n]*|第[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页([ \t\u3000]*[，,]?[ \t\u3000]*共[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页)?[ \t\u3000]*$|[—–－-][ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*[—–－-][ \t\u3000]*$|[;；,，.。、:：!！?？·…]+[ \t\u3000]*$)'),  # 53
    ('LICENSE', 9, '本作品(是|在)[^\n]{0,30}(中华人民共和国的|公有领域)'),  # 54
    ('MARKDOWN_HASHES', 0, '(#{1,6}|[*+-])[ \t]+'),  # 55
    ('INDENT', 0, '[ \t\u3000\xa0\ufeff\u200b\u200c\u200d\u2060\u2000-\u200a\u202f\u205f]+'),  # 56
    ('SENTENCE_END', 0, '[。！？!?]'),  # 57
    ('INLINE_LEAD', 0, '[。；;：:！!？?，,][ \t\u3000]*'),  # 58
    ('INLINE_ENUM_SHI', 0, '[一二三四五六七八九十]{1,3}是(?!否)'),  # 59
    ('INLINE_ENUM_YAO', 0, '[一二三四五六七八九十]{1,3}要(?![求素点件])'),  # 60
    ('INLINE_ORDINAL', 0, '第[一二三四五六七八九十]{1,3}[，,、]'),  # 61
    ('INLINE_SEQUENCE', 0, '(首先|其次|再次|最后|最後)[，,]'),  # 62
)

START = 0

END = 6

ACTIONS: tuple[dict[str, int], ...] = (
    {'$END': -1, '_DOC': 1, '_PRE': 2, '__start_star_0': 3, 'document': 4, 'preamble': 5, 'start': 6},  # 0
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'LABEL': 21, 'MASTHEAD': 22, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, 'TEXT': 32, 'TITLE': 33, '_CLOSING': 34, '_END': 35, '_PART': 36, '_SUB': 37, '__document_star_1': 38, '__document_star_2': 39, '_heading': 40, 'closing': 41, 'subdocument': 42, 'titles': 43},  # 1
    {'TEXT': 44},  # 2
    {'$END': -2, '_DOC': 1, 'document': 45},  # 3
    {'$END': -3, '_DOC': -3},  # 4
    {'$END': -4, '_DOC': 1, '__start_star_0': 46, 'document': 4},  # 5
    {},  # 6
    {'ANNEX': -5, 'ARTICLE': -5, 'AR_DOT': -5, 'AR_HALF_PAREN': -5, 'AR_PAREN': -5, 'BOOK': -5, 'CHAPTER': -5, 'CIRCLED': -5, 'CN_BARE': -5, 'CN_NUM': -5, 'CN_PAREN': -5, 'DASH': -5, 'ENUM_SHI': -5, 'ENUM_YAO': -5, 'ORDINAL': -5, 'PAREN_DIGIT': -5, 'PAREN_IDEOGRAPH': -5, 'PART': -5, 'SECTION': -5, 'SEQUENCE': -5, 'SEQUENCE_BARE': -5, 'SUBBOOK': -5, 'SUPPLEMENT': -5, '_CLOSING': -5, '_END': -5, '_PART': -5, '_SUB': -5},  # 7
    {'ANNEX': -6, 'ARTICLE': -6, 'AR_DOT': -6, 'AR_HALF_PAREN': -6, 'AR_PAREN': -6, 'BOOK': -6, 'CHAPTER': -6, 'CIRCLED': -6, 'CN_BARE': -6, 'CN_NUM': -6, 'CN_PAREN': -6, 'DASH': -6, 'ENUM_SHI': -6, 'ENUM_YAO': -6, 'ORDINAL': -6, 'PAREN_DIGIT': -6, 'PAREN_IDEOGRAPH': -6, 'PART': -6, 'SECTION': -6, 'SEQUENCE': -6, 'SEQUENCE_BARE': -6, 'SUBBOOK': -6, 'SUPPLEMENT': -6, '_CLOSING': -6, '_END': -6, '_PART': -6, '_SUB': -6},  # 8
    {'ANNEX': -7, 'ARTICLE': -7, 'AR_DOT': -7, 'AR_HALF_PAREN': -7, 'AR_PAREN': -7, 'BOOK': -7, 'CHAPTER': -7, 'CIRCLED': -7, 'CN_BARE': -7, 'CN_NUM': -7, 'CN_PAREN': -7, 'DASH': -7, 'ENUM_SHI': -7, 'ENUM_YAO': -7, 'ORDINAL': -7, 'PAREN_DIGIT': -7, 'PAREN_IDEOGRAPH': -7, 'PART': -7, 'SECTION': -7, 'SEQUENCE': -7, 'SEQUENCE_BARE': -7, 'SUBBOOK': -7, 'SUPPLEMENT': -7, '_CLOSING': -7, '_END': -7, '_PART': -7, '_SUB': -7},  # 9
    {'ANNEX': -8, 'ARTICLE': -8, 'AR_DOT': -8, 'AR_HALF_PAREN': -8, 'AR_PAREN': -8, 'BOOK': -8, 'CHAPTER': -8, 'CIRCLED': -8, 'CN_BARE': -8, 'CN_NUM': -8, 'CN_PAREN': -8, 'DASH': -8, 'ENUM_SHI': -8, 'ENUM_YAO': -8, 'ORDINAL': -8, 'PAREN_DIGIT': -8, 'PAREN_IDEOGRAPH': -8, 'PART': -8, 'SECTION': -8, 'SEQUENCE': -8, 'SEQUENCE_BARE': -8, 'SUBBOOK': -8, 'SUPPLEMENT': -8, '_CLOSING': -8, '_END': -8, '_PART': -8, '_SUB': -8},  # 10
    {'ANNEX': -9, 'ARTICLE': -9, 'AR_DOT': -9, 'AR_HALF_PAREN': -9, 'AR_PAREN': -9, 'BOOK': -9, 'CHAPTER': -9, 'CIRCLED': -9, 'CN_BARE': -9, 'CN_NUM': -9, 'CN_PAREN': -9, 'DASH': -9, 'ENUM_SHI': -9, 'ENUM_YAO': -9, 'ORDINAL': -9, 'PAREN_DIGIT': -9, 'PAREN_IDEOGRAPH': -9, 'PART': -9, 'SECTION': -9, 'SEQUENCE': -9, 'SEQUENCE_BARE': -9, 'SUBBOOK': -9, 'SUPPLEMENT': -9, '_CLOSING': -9, '_END': -9, '_PART': -9, '_SUB': -9},  # 11
    {'ANNEX': -10, 'ARTICLE': -10, 'AR_DOT': -10, 'AR_HALF_PAREN': -10, 'AR_PAREN': -10, 'BOOK': -10, 'CHAPTER': -10, 'CIRCLED': -10, 'CN_BARE': -10, 'CN_NUM': -10, 'CN_PAREN': -10, 'DASH': -10, 'ENUM_SHI': -10, 'ENUM_YAO': -10, 'ORDINAL': -10, 'PAREN_DIGIT': -10, 'PAREN_IDEOGRAPH': -10, 'PART': -10, 'SECTION': -10, 'SEQUENCE': -10, 'SEQUENCE_BARE': -10, 'SUBBOOK': -10, 'SUPPLEMENT': -10, '_CLOSING': -10, '_END': -10, '_PART': -10, '_SUB': -10},  # 12
    {'ANNEX': -11, 'ARTICLE': -11, 'AR_DOT': -11, 'AR_HALF_PAREN': -11, 'AR_PAREN': -11, 'BOOK': -11, 'CHAPTER': -11, 'CIRCLED': -11, 'CN_BARE': -11, 'CN_NUM': -11, 'CN_PAREN': -11, 'DASH': -11, 'ENUM_SHI': -11, 'ENUM_YAO': -11, 'ORDINAL': -11, 'PAREN_DIGIT': -11, 'PAREN_IDEOGRAPH': -11, 'PART': -11, 'SECTION': -11, 'SEQUENCE': -11, 'SEQUENCE_BARE': -11, 'SUBBOOK': -11, 'SUPPLEMENT': -11, '_CLOSING': -11, '_END': -11, '_PART': -11, '_SUB': -11},  # 13
    {'ANNEX': -12, 'ARTICLE': -12, 'AR_DOT': -12, 'AR_HALF_PAREN': -12, 'AR_PAREN': -12, 'BOOK': -12, 'CHAPTER': -12, 'CIRCLED': -12, 'CN_BARE': -12, 'CN_NUM': -12, 'CN_PAREN': -12, 'DASH': -12, 'ENUM_SHI': -12, 'ENUM_YAO': -12, 'ORDINAL': -12, 'PAREN_DIGIT': -12, 'PAREN_IDEOGRAPH': -12, 'PART': -12, 'SECTION': -12, 'SEQUENCE': -12, 'SEQUENCE_BARE': -12, 'SUBBOOK': -12, 'SUPPLEMENT': -12, '_CLOSING': -12, '_END': -12, '_PART': -12, '_SUB': -12},  # 14
    {'ANNEX': -13, 'ARTICLE': -13, 'AR_DOT': -13, 'AR_HALF_PAREN': -13, 'AR_PAREN': -13, 'BOOK': -13, 'CHAPTER': -13, 'CIRCLED': -13, 'CN_BARE': -13, 'CN_NUM': -13, 'CN_PAREN': -13, 'DASH': -13, 'ENUM_SHI': -13, 'ENUM_YAO': -13, 'ORDINAL': -13, 'PAREN_DIGIT': -13, 'PAREN_IDEOGRAPH': -13, 'PART': -13, 'SECTION': -13, 'SEQUENCE': -13, 'SEQUENCE_BARE': -13, 'SUBBOOK': -13, 'SUPPLEMENT': -13, '_CLOSING': -13, '_END': -13, '_PART': -13, '_SUB': -13},  # 15
    {'ANNEX': -14, 'ARTICLE': -14, 'AR_DOT': -14, 'AR_HALF_PAREN': -14, 'AR_PAREN': -14, 'BOOK': -14, 'CHAPTER': -14, 'CIRCLED': -14, 'CN_BARE': -14, 'CN_NUM': -14, 'CN_PAREN': -14, 'DASH': -14, 'ENUM_SHI': -14, 'ENUM_YAO': -14, 'ORDINAL': -14, 'PAREN_DIGIT': -14, 'PAREN_IDEOGRAPH': -14, 'PART': -14, 'SECTION': -14, 'SEQUENCE': -14, 'SEQUENCE_BARE': -14, 'SUBBOOK': -14, 'SUPPLEMENT': -14, '_CLOSING': -14, '_END': -14, '_PART': -14, '_SUB': -14},  # 16
    {'ANNEX': -15, 'ARTICLE': -15, 'AR_DOT': -15, 'AR_HALF_PAREN': -15, 'AR_PAREN': -15, 'BOOK': -15, 'CHAPTER': -15, 'CIRCLED': -15, 'CN_BARE': -15, 'CN_NUM': -15, 'CN_PAREN': -15, 'DASH': -15, 'ENUM_SHI': -15, 'ENUM_YAO': -15, 'ORDINAL': -15, 'PAREN_DIGIT': -15, 'PAREN_IDEOGRAPH': -15, 'PART': -15, 'SECTION': -15, 'SEQUENCE': -15, 'SEQUENCE_BARE': -15, 'SUBBOOK': -15, 'SUPPLEMENT': -15, '_CLOSING': -15, '_END': -15, '_PART': -15, '_SUB': -15},  # 17
    {'ANNEX': -16, 'ARTICLE': -16, 'AR_DOT': -16, 'AR_HALF_PAREN': -16, 'AR_PAREN': -16, 'BOOK': -16, 'CHAPTER': -16, 'CIRCLED': -16, 'CN_BARE': -16, 'CN_NUM': -16, 'CN_PAREN': -16, 'DASH': -16, 'ENUM_SHI': -16, 'ENUM_YAO': -16, 'ORDINAL': -16, 'PAREN_DIGIT': -16, 'PAREN_IDEOGRAPH': -16, 'PART': -16, 'SECTION': -16, 'SEQUENCE': -16, 'SEQUENCE_BARE': -16, 'SUBBOOK': -16, 'SUPPLEMENT': -16, '_CLOSING': -16, '_END': -16, '_PART': -16, '_SUB': -16},  # 18
    {'ANNEX': -17, 'ARTICLE': -17, 'AR_DOT': -17, 'AR_HALF_PAREN': -17, 'AR_PAREN': -17, 'BOOK': -17, 'CHAPTER': -17, 'CIRCLED': -17, 'CN_BARE': -17, 'CN_NUM': -17, 'CN_PAREN': -17, 'DASH': -17, 'ENUM_SHI': -17, 'ENUM_YAO': -17, 'ORDINAL': -17, 'PAREN_DIGIT': -17, 'PAREN_IDEOGRAPH': -17, 'PART': -17, 'SECTION': -17, 'SEQUENCE': -17, 'SEQUENCE_BARE': -17, 'SUBBOOK': -17, 'SUPPLEMENT': -17, '_CLOSING': -17, '_END': -17, '_PART': -17, '_SUB': -17},  # 19
    {'ANNEX': -18, 'ARTICLE': -18, 'AR_DOT': -18, 'AR_HALF_PAREN': -18, 'AR_PAREN': -18, 'BOOK': -18, 'CHAPTER': -18, 'CIRCLED': -18, 'CN_BARE': -18, 'CN_NUM': -18, 'CN_PAREN': -18, 'DASH': -18, 'ENUM_SHI': -18, 'ENUM_YAO': -18, 'ORDINAL': -18, 'PAREN_DIGIT': -18, 'PAREN_IDEOGRAPH': -18, 'PART': -18, 'SECTION': -18, 'SEQUENCE': -18, 'SEQUENCE_BARE': -18, 'SUBBOOK': -18, 'SUPPLEMENT': -18, '_CLOSING': -18, '_END': -18, '_PART': -18, '_SUB': -18},  # 20
    {'TITLE': 47, 'TITLE_GAP': 48, '__titles_star_4': 49},  # 21
    {'LABEL': 50, 'MASTHEAD': 51, 'TITLE': 52, 'TITLE_GAP': 53, '__titles_star_3': 54},  # 22
    {'ANNEX': -19, 'ARTICLE': -19, 'AR_DOT': -19, 'AR_HALF_PAREN': -19, 'AR_PAREN': -19, 'BOOK': -19, 'CHAPTER': -19, 'CIRCLED': -19, 'CN_BARE': -19, 'CN_NUM': -19, 'CN_PAREN': -19, 'DASH': -19, 'ENUM_SHI': -19, 'ENUM_YAO': -19, 'ORDINAL': -19, 'PAREN_DIGIT': -19, 'PAREN_IDEOGRAPH': -19, 'PART': -19, 'SECTION': -19, 'SEQUENCE': -19, 'SEQUENCE_BARE': -19, 'SUBBOOK': -19, 'SUPPLEMENT': -19, '_CLOSING': -19, '_END': -19, '_PART': -19, '_SUB': -19},  # 23
    {'ANNEX': -20, 'ARTICLE': -20, 'AR_DOT': -20, 'AR_HALF_PAREN': -20, 'AR_PAREN': -20, 'BOOK': -20, 'CHAPTER': -20, 'CIRCLED': -20, 'CN_BARE': -20, 'CN_NUM': -20, 'CN_PAREN': -20, 'DASH': -20, 'ENUM_SHI': -20, 'ENUM_YAO': -20, 'ORDINAL': -20, 'PAREN_DIGIT': -20, 'PAREN_IDEOGRAPH': -20, 'PART': -20, 'SECTION': -20, 'SEQUENCE': -20, 'SEQUENCE_BARE': -20, 'SUBBOOK': -20, 'SUPPLEMENT': -20, '_CLOSING': -20, '_END': -20, '_PART': -20, '_SUB': -20},  # 24
    {'ANNEX': -21, 'ARTICLE': -21, 'AR_DOT': -21, 'AR_HALF_PAREN': -21, 'AR_PAREN': -21, 'BOOK': -21, 'CHAPTER': -21, 'CIRCLED': -21, 'CN_BARE': -21, 'CN_NUM': -21, 'CN_PAREN': -21, 'DASH': -21, 'ENUM_SHI': -21, 'ENUM_YAO': -21, 'ORDINAL': -21, 'PAREN_DIGIT': -21, 'PAREN_IDEOGRAPH': -21, 'PART': -21, 'SECTION': -21, 'SEQUENCE': -21, 'SEQUENCE_BARE': -21, 'SUBBOOK': -21, 'SUPPLEMENT': -21, '_CLOSING': -21, '_END': -21, '_PART': -21, '_SUB': -21},  # 25
    {'ANNEX': -22, 'ARTICLE': -22, 'AR_DOT': -22, 'AR_HALF_PAREN': -22, 'AR_PAREN': -22, 'BOOK': -22, 'CHAPTER': -22, 'CIRCLED': -22, 'CN_BARE': -22, 'CN_NUM': -22, 'CN_PAREN': -22, 'DASH': -22, 'ENUM_SHI': -22, 'ENUM_YAO': -22, 'ORDINAL': -22, 'PAREN_DIGIT': -22, 'PAREN_IDEOGRAPH': -22, 'PART': -22, 'SECTION': -22, 'SEQUENCE': -22, 'SEQUENCE_BARE': -22, 'SUBBOOK': -22, 'SUPPLEMENT': -22, '_CLOSING': -22, '_END': -22, '_PART': -22, '_SUB': -22},  # 26
    {'ANNEX': -23, 'ARTICLE': -23, 'AR_DOT': -23, 'AR_HALF_PAREN': -23, 'AR_PAREN': -23, 'BOOK': -23, 'CHAPTER': -23, 'CIRCLED': -23, 'CN_BARE': -23, 'CN_NUM': -23, 'CN_PAREN': -23, 'DASH': -23, 'ENUM_SHI': -23, 'ENUM_YAO': -23, 'ORDINAL': -23, 'PAREN_DIGIT': -23, 'PAREN_IDEOGRAPH': -23, 'PART': -23, 'SECTION': -23, 'SEQUENCE': -23, 'SEQUENCE_BARE': -23, 'SUBBOOK': -23, 'SUPPLEMENT': -23, '_CLOSING': -23, '_END': -23, '_PART': -23, '_SUB': -23},  # 27
    {'ANNEX': -24, 'ARTICLE': -24, 'AR_DOT': -24, 'AR_HALF_PAREN': -24, 'AR_PAREN': -24, 'BOOK': -24, 'CHAPTER': -24, 'CIRCLED': -24, 'CN_BARE': -24, 'CN_NUM': -24, 'CN_PAREN': -24, 'DASH': -24, 'ENUM_SHI': -24, 'ENUM_YAO': -24, 'ORDINAL': -24, 'PAREN_DIGIT': -24, 'PAREN_IDEOGRAPH': -24, 'PART': -24, 'SECTION': -24, 'SEQUENCE': -24, 'SEQUENCE_BARE': -24, 'SUBBOOK': -24, 'SUPPLEMENT': -24, '_CLOSING': -24, '_END': -24, '_PART': -24, '_SUB': -24},  # 28
    {'ANNEX': -25, 'ARTICLE': -25, 'AR_DOT': -25, 'AR_HALF_PAREN': -25, 'AR_PAREN': -25, 'BOOK': -25, 'CHAPTER': -25, 'CIRCLED': -25, 'CN_BARE': -25, 'CN_NUM': -25, 'CN_PAREN': -25, 'DASH': -25, 'ENUM_SHI': -25, 'ENUM_YAO': -25, 'ORDINAL': -25, 'PAREN_DIGIT': -25, 'PAREN_IDEOGRAPH': -25, 'PART': -25, 'SECTION': -25, 'SEQUENCE': -25, 'SEQUENCE_BARE': -25, 'SUBBOOK': -25, 'SUPPLEMENT': -25, '_CLOSING': -25, '_END': -25, '_PART': -25, '_SUB': -25},  # 29
    {'ANNEX': -26, 'ARTICLE': -26, 'AR_DOT': -26, 'AR_HALF_PAREN': -26, 'AR_PAREN': -26, 'BOOK': -26, 'CHAPTER': -26, 'CIRCLED': -26, 'CN_BARE': -26, 'CN_NUM': -26, 'CN_PAREN': -26, 'DASH': -26, 'ENUM_SHI': -26, 'ENUM_YAO': -26, 'ORDINAL': -26, 'PAREN_DIGIT': -26, 'PAREN_IDEOGRAPH': -26, 'PART': -26, 'SECTION': -26, 'SEQUENCE': -26, 'SEQUENCE_BARE': -26, 'SUBBOOK': -26, 'SUPPLEMENT': -26, '_CLOSING': -26, '_END': -26, '_PART': -26, '_SUB': -26},  # 30
    {'ANNEX': -27, 'ARTICLE': -27, 'AR_DOT': -27, 'AR_HALF_PAREN': -27, 'AR_PAREN': -27, 'BOOK': -27, 'CHAPTER': -27, 'CIRCLED': -27, 'CN_BARE': -27, 'CN_NUM': -27, 'CN_PAREN': -27, 'DASH': -27, 'ENUM_SHI': -27, 'ENUM_YAO': -27, 'ORDINAL': -27, 'PAREN_DIGIT': -27, 'PAREN_IDEOGRAPH': -27, 'PART': -27, 'SECTION': -27, 'SEQUENCE': -27, 'SEQUENCE_BARE': -27, 'SUBBOOK': -27, 'SUPPLEMENT': -27, '_CLOSING': -27, '_END': -27, '_PART': -27, '_SUB': -27},  # 31
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, '_CLOSING': 34, '_END': 55, '_PART': 36, '_SUB': 37, '__document_star_1': 56, '__document_star_2': 57, '_heading': 40, 'closing': 58, 'subdocument': 42},  # 32
    {'ANNEX': -28, 'ARTICLE': -28, 'AR_DOT': -28, 'AR_HALF_PAREN': -28, 'AR_PAREN': -28, 'BOOK': -28, 'CHAPTER': -28, 'CIRCLED': -28, 'CN_BARE': -28, 'CN_NUM': -28, 'CN_PAREN': -28, 'DASH': -28, 'ENUM_SHI': -28, 'ENUM_YAO': -28, 'ORDINAL': -28, 'PAREN_DIGIT': -28, 'PAREN_IDEOGRAPH': -28, 'PART': -28, 'SECTION': -28, 'SEQUENCE': -28, 'SEQUENCE_BARE': -28, 'SUBBOOK': -28, 'SUBTITLE': 59, 'SUPPLEMENT': -28, 'TEXT': -28, 'TITLE_GAP': 60, '_CLOSING': -28, '_END': -28, '_PART': -28, '_SUB': -28, '__titles_star_5': 61},  # 33
    {'TEXT': 62},  # 34
    {'$END': -29, '_DOC': -29},  # 35
    {'TEXT': 63},  # 36
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, 'TEXT': 64, '_CLOSING': 34, '_END': 65, '_PART': 36, '__document_star_1': 66, '_heading': 40, 'closing': 67},  # 37
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, '_CLOSING': 34, '_END': 68, '_PART': 69, '_SUB': 37, '__document_star_2': 70, '_heading': 71, 'closing': 72, 'subdocument': 42},  # 38
    {'_END': 73, '_SUB': 37, 'subdocument': 74},  # 39
    {'ANNEX': -30, 'ARTICLE': -30, 'AR_DOT': -30, 'AR_HALF_PAREN': -30, 'AR_PAREN': -30, 'BOOK': -30, 'CHAPTER': -30, 'CIRCLED': -30, 'CN_BARE': -30, 'CN_NUM': -30, 'CN_PAREN': -30, 'DASH': -30, 'ENUM_SHI': -30, 'ENUM_YAO': -30, 'ORDINAL': -30, 'PAREN_DIGIT': -30, 'PAREN_IDEOGRAPH': -30, 'PART': -30, 'SECTION': -30, 'SEQUENCE': -30, 'SEQUENCE_BARE': -30, 'SUBBOOK': -30, 'SUPPLEMENT': -30, '_CLOSING': -30, '_END': -30, '_PART': -30, '_SUB': -30},  # 40
    {'_END': 75, '_SUB': 37, '__document_star_2': 76, 'subdocument': 42},  # 41
    {'_END': -31, '_SUB': -31},  # 42
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, 'TEXT': 77, '_CLOSING': 34, '_END': 78, '_PART': 36, '_SUB': 37, '__document_star_1': 79, '__document_star_2': 80, '_heading': 40, 'closing': 81, 'subdocument': 42},  # 43
    {'$END': -32, '_DOC': -32},  # 44
    {'$END': -33, '_DOC': -33},  # 45
    {'$END': -34, '_DOC': 1, 'document': 45},  # 46
    {'ANNEX': -35, 'ARTICLE': -35, 'AR_DOT': -35, 'AR_HALF_PAREN': -35, 'AR_PAREN': -35, 'BOOK': -35, 'CHAPTER': -35, 'CIRCLED': -35, 'CN_BARE': -35, 'CN_NUM': -35, 'CN_PAREN': -35, 'DASH': -35, 'ENUM_SHI': -35, 'ENUM_YAO': -35, 'ORDINAL': -35, 'PAREN_DIGIT': -35, 'PAREN_IDEOGRAPH': -35, 'PART': -35, 'SECTION': -35, 'SEQUENCE': -35, 'SEQUENCE_BARE': -35, 'SUBBOOK': -35, 'SUBTITLE': 59, 'SUPPLEMENT': -35, 'TEXT': -35, 'TITLE_GAP': 60, '_CLOSING': -35, '_END': -35, '_PART': -35, '_SUB': -35, '__titles_star_5': 82},  # 47
    {'TITLE': -36, 'TITLE_GAP': -36},  # 48
    {'TITLE': 83, 'TITLE_GAP': 84},  # 49
    {'TITLE': 85, 'TITLE_GAP': 48, '__titles_star_4': 86},  # 50
    {'LABEL': -37, 'MASTHEAD': -37, 'TITLE': -37, 'TITLE_GAP': -37},  # 51
    {'ANNEX': -38, 'ARTICLE': -38, 'AR_DOT': -38, 'AR_HALF_PAREN': -38, 'AR_PAREN': -38, 'BOOK': -38, 'CHAPTER': -38, 'CIRCLED': -38, 'CN_BARE': -38, 'CN_NUM': -38, 'CN_PAREN': -38, 'DASH': -38, 'ENUM_SHI': -38, 'ENUM_YAO': -38, 'ORDINAL': -38, 'PAREN_DIGIT': -38, 'PAREN_IDEOGRAPH': -38, 'PART': -38, 'SECTION': -38, 'SEQUENCE': -38, 'SEQUENCE_BARE': -38, 'SUBBOOK': -38, 'SUBTITLE': 59, 'SUPPLEMENT': -38, 'TEXT': -38, 'TITLE_GAP': 60, '_CLOSING': -38, '_END': -38, '_PART': -38, '_SUB': -38, '__titles_star_5': 87},  # 52
    {'LABEL': -39, 'MASTHEAD': -39, 'TITLE': -39, 'TITLE_GAP': -39},  # 53
    {'LABEL': 88, 'MASTHEAD': 89, 'TITLE': 90, 'TITLE_GAP': 91},  # 54
    {'$END': -40, '_DOC': -40},  # 55
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, '_CLOSING': 34, '_END': 92, '_PART': 69, '_SUB': 37, '__document_star_2': 93, '_heading': 71, 'closing': 94, 'subdocument': 42},  # 56
    {'_END': 95, '_SUB': 37, 'subdocument': 74},  # 57
    {'_END': 96, '_SUB': 37, '__document_star_2': 97, 'subdocument': 42},  # 58
    {'ANNEX': -41, 'ARTICLE': -41, 'AR_DOT': -41, 'AR_HALF_PAREN': -41, 'AR_PAREN': -41, 'BOOK': -41, 'CHAPTER': -41, 'CIRCLED': -41, 'CN_BARE': -41, 'CN_NUM': -41, 'CN_PAREN': -41, 'DASH': -41, 'ENUM_SHI': -41, 'ENUM_YAO': -41, 'ORDINAL': -41, 'PAREN_DIGIT': -41, 'PAREN_IDEOGRAPH': -41, 'PART': -41, 'SECTION': -41, 'SEQUENCE': -41, 'SEQUENCE_BARE': -41, 'SUBBOOK': -41, 'SUBTITLE': -41, 'SUPPLEMENT': -41, 'TEXT': -41, 'TITLE_GAP': -41, '_CLOSING': -41, '_END': -41, '_PART': -41, '_SUB': -41},  # 59
    {'ANNEX': -42, 'ARTICLE': -42, 'AR_DOT': -42, 'AR_HALF_PAREN': -42, 'AR_PAREN': -42, 'BOOK': -42, 'CHAPTER': -42, 'CIRCLED': -42, 'CN_BARE': -42, 'CN_NUM': -42, 'CN_PAREN': -42, 'DASH': -42, 'ENUM_SHI': -42, 'ENUM_YAO': -42, 'ORDINAL': -42, 'PAREN_DIGIT': -42, 'PAREN_IDEOGRAPH': -42, 'PART': -42, 'SECTION': -42, 'SEQUENCE': -42, 'SEQUENCE_BARE': -42, 'SUBBOOK': -42, 'SUBTITLE': -42, 'SUPPLEMENT': -42, 'TEXT': -42, 'TITLE_GAP': -42, '_CLOSING': -42, '_END': -42, '_PART': -42, '_SUB': -42},  # 60
    {'ANNEX': -43, 'ARTICLE': -43, 'AR_DOT': -43, 'AR_HALF_PAREN': -43, 'AR_PAREN': -43, 'BOOK': -43, 'CHAPTER': -43, 'CIRCLED': -43, 'CN_BARE': -43, 'CN_NUM': -43, 'CN_PAREN': -43, 'DASH': -43, 'ENUM_SHI': -43, 'ENUM_YAO': -43, 'ORDINAL': -43, 'PAREN_DIGIT': -43, 'PAREN_IDEOGRAPH': -43, 'PART': -43, 'SECTION': -43, 'SEQUENCE': -43, 'SEQUENCE_BARE': -43, 'SUBBOOK': -43, 'SUBTITLE': 98, 'SUPPLEMENT': -43, 'TEXT': -43, 'TITLE_GAP': 99, '_CLOSING': -43, '_END': -43, '_PART': -43, '_SUB': -43},  # 61
    {'_END': -44, '_SUB': -44},  # 62
    {'ANNEX': -45, 'ARTICLE': -45, 'AR_DOT': -45, 'AR_HALF_PAREN': -45, 'AR_PAREN': -45, 'BOOK': -45, 'CHAPTER': -45, 'CIRCLED': -45, 'CN_BARE': -45, 'CN_NUM': -45, 'CN_PAREN': -45, 'DASH': -45, 'ENUM_SHI': -45, 'ENUM_YAO': -45, 'ORDINAL': -45, 'PAREN_DIGIT': -45, 'PAREN_IDEOGRAPH': -45, 'PART': -45, 'SECTION': -45, 'SEQUENCE': -45, 'SEQUENCE_BARE': -45, 'SUBBOOK': -45, 'SUPPLEMENT': -45, '_CLOSING': -45, '_END': -45, '_PART': -45, '_SUB': -45},  # 63
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, '_CLOSING': 34, '_END': 100, '_PART': 36, '__document_star_1': 101, '_heading': 40, 'closing': 102},  # 64
    {'_END': -46, '_SUB': -46},  # 65
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, '_CLOSING': 34, '_END': 103, '_PART': 69, '_heading': 71, 'closing': 104},  # 66
    {'_END': 105},  # 67
    {'$END': -47, '_DOC': -47},  # 68
    {'TEXT': 106},  # 69
    {'_END': 107, '_SUB': 37, 'subdocument': 74},  # 70
    {'ANNEX': -48, 'ARTICLE': -48, 'AR_DOT': -48, 'AR_HALF_PAREN': -48, 'AR_PAREN': -48, 'BOOK': -48, 'CHAPTER': -48, 'CIRCLED': -48, 'CN_BARE': -48, 'CN_NUM': -48, 'CN_PAREN': -48, 'DASH': -48, 'ENUM_SHI': -48, 'ENUM_YAO': -48, 'ORDINAL': -48, 'PAREN_DIGIT': -48, 'PAREN_IDEOGRAPH': -48, 'PART': -48, 'SECTION': -48, 'SEQUENCE': -48, 'SEQUENCE_BARE': -48, 'SUBBOOK': -48, 'SUPPLEMENT': -48, '_CLOSING': -48, '_END': -48, '_PART': -48, '_SUB': -48},  # 71
    {'_END': 108, '_SUB': 37, '__document_star_2': 109, 'subdocument': 42},  # 72
    {'$END': -49, '_DOC': -49},  # 73
    {'_END': -50, '_SUB': -50},  # 74
    {'$END': -51, '_DOC': -51},  # 75
    {'_END': 110, '_SUB': 37, 'subdocument': 74},  # 76
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, '_CLOSING': 34, '_END': 111, '_PART': 36, '_SUB': 37, '__document_star_1': 112, '__document_star_2': 113, '_heading': 40, 'closing': 114, 'subdocument': 42},  # 77
    {'$END': -52, '_DOC': -52},  # 78
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, '_CLOSING': 34, '_END': 115, '_PART': 69, '_SUB': 37, '__document_star_2': 116, '_heading': 71, 'closing': 117, 'subdocument': 42},  # 79
    {'_END': 118, '_SUB': 37, 'subdocument': 74},  # 80
    {'_END': 119, '_SUB': 37, '__document_star_2': 120, 'subdocument': 42},  # 81
    {'ANNEX': -53, 'ARTICLE': -53, 'AR_DOT': -53, 'AR_HALF_PAREN': -53, 'AR_PAREN': -53, 'BOOK': -53, 'CHAPTER': -53, 'CIRCLED': -53, 'CN_BARE': -53, 'CN_NUM': -53, 'CN_PAREN': -53, 'DASH': -53, 'ENUM_SHI': -53, 'ENUM_YAO': -53, 'ORDINAL': -53, 'PAREN_DIGIT': -53, 'PAREN_IDEOGRAPH': -53, 'PART': -53, 'SECTION': -53, 'SEQUENCE': -53, 'SEQUENCE_BARE': -53, 'SUBBOOK': -53, 'SUBTITLE': 98, 'SUPPLEMENT': -53, 'TEXT': -53, 'TITLE_GAP': 99, '_CLOSING': -53, '_END': -53, '_PART': -53, '_SUB': -53},  # 82
    {'ANNEX': -54, 'ARTICLE': -54, 'AR_DOT': -54, 'AR_HALF_PAREN': -54, 'AR_PAREN': -54, 'BOOK': -54, 'CHAPTER': -54, 'CIRCLED': -54, 'CN_BARE': -54, 'CN_NUM': -54, 'CN_PAREN': -54, 'DASH': -54, 'ENUM_SHI': -54, 'ENUM_YAO': -54, 'ORDINAL': -54, 'PAREN_DIGIT': -54, 'PAREN_IDEOGRAPH': -54, 'PART': -54, 'SECTION': -54, 'SEQUENCE': -54, 'SEQUENCE_BARE': -54, 'SUBBOOK': -54, 'SUBTITLE': 59, 'SUPPLEMENT': -54, 'TEXT': -54, 'TITLE_GAP': 60, '_CLOSING': -54, '_END': -54, '_PART': -54, '_SUB': -54, '__titles_star_5': 121},  # 83
    {'TITLE': -55, 'TITLE_GAP': -55},  # 84
    {'ANNEX': -56, 'ARTICLE': -56, 'AR_DOT': -56, 'AR_HALF_PAREN': -56, 'AR_PAREN': -56, 'BOOK': -56, 'CHAPTER': -56, 'CIRCLED': -56, 'CN_BARE': -56, 'CN_NUM': -56, 'CN_PAREN': -56, 'DASH': -56, 'ENUM_SHI': -56, 'ENUM_YAO': -56, 'ORDINAL': -56, 'PAREN_DIGIT': -56, 'PAREN_IDEOGRAPH': -56, 'PART': -56, 'SECTION': -56, 'SEQUENCE': -56, 'SEQUENCE_BARE': -56, 'SUBBOOK': -56, 'SUBTITLE': 59, 'SUPPLEMENT': -56, 'TEXT': -56, 'TITLE_GAP': 60, '_CLOSING': -56, '_END': -56, '_PART': -56, '_SUB': -56, '__titles_star_5': 122},  # 85
    {'TITLE': 123, 'TITLE_GAP': 84},  # 86
    {'ANNEX': -57, 'ARTICLE': -57, 'AR_DOT': -57, 'AR_HALF_PAREN': -57, 'AR_PAREN': -57, 'BOOK': -57, 'CHAPTER': -57, 'CIRCLED': -57, 'CN_BARE': -57, 'CN_NUM': -57, 'CN_PAREN': -57, 'DASH': -57, 'ENUM_SHI': -57, 'ENUM_YAO': -57, 'ORDINAL': -57, 'PAREN_DIGIT': -57, 'PAREN_IDEOGRAPH': -57, 'PART': -57, 'SECTION': -57, 'SEQUENCE': -57, 'SEQUENCE_BARE': -57, 'SUBBOOK': -57, 'SUBTITLE': 98, 'SUPPLEMENT': -57, 'TEXT': -57, 'TITLE_GAP': 99, '_CLOSING': -57, '_END': -57, '_PART': -57, '_SUB': -57},  # 87
    {'TITLE': 124, 'TITLE_GAP': 48, '__titles_star_4': 125},  # 88
    {'LABEL': -58, 'MASTHEAD': -58, 'TITLE': -58, 'TITLE_GAP': -58},  # 89
    {'ANNEX': -59, 'ARTICLE': -59, 'AR_DOT': -59, 'AR_HALF_PAREN': -59, 'AR_PAREN': -59, 'BOOK': -59, 'CHAPTER': -59, 'CIRCLED': -59, 'CN_BARE': -59, 'CN_NUM': -59, 'CN_PAREN': -59, 'DASH': -59, 'ENUM_SHI': -59, 'ENUM_YAO': -59, 'ORDINAL': -59, 'PAREN_DIGIT': -59, 'PAREN_IDEOGRAPH': -59, 'PART': -59, 'SECTION': -59, 'SEQUENCE': -59, 'SEQUENCE_BARE': -59, 'SUBBOOK': -59, 'SUBTITLE': 59, 'SUPPLEMENT': -59, 'TEXT': -59, 'TITLE_GAP': 60, '_CLOSING': -59, '_END': -59, '_PART': -59, '_SUB': -59, '__titles_star_5': 126},  # 90
    {'LABEL': -60, 'MASTHEAD': -60, 'TITLE': -60, 'TITLE_GAP': -60},  # 91
    {'$END': -61, '_DOC': -61},  # 92
    {'_END': 127, '_SUB': 37, 'subdocument': 74},  # 93
    {'_END': 128, '_SUB': 37, '__document_star_2': 129, 'subdocument': 42},  # 94
    {'$END': -62, '_DOC': -62},  # 95
    {'$END': -63, '_DOC': -63},  # 96
    {'_END': 130, '_SUB': 37, 'subdocument': 74},  # 97
    {'ANNEX': -64, 'ARTICLE': -64, 'AR_DOT': -64, 'AR_HALF_PAREN': -64, 'AR_PAREN': -64, 'BOOK': -64, 'CHAPTER': -64, 'CIRCLED': -64, 'CN_BARE': -64, 'CN_NUM': -64, 'CN_PAREN': -64, 'DASH': -64, 'ENUM_SHI': -64, 'ENUM_YAO': -64, 'ORDINAL': -64, 'PAREN_DIGIT': -64, 'PAREN_IDEOGRAPH': -64, 'PART': -64, 'SECTION': -64, 'SEQUENCE': -64, 'SEQUENCE_BARE': -64, 'SUBBOOK': -64, 'SUBTITLE': -64, 'SUPPLEMENT': -64, 'TEXT': -64, 'TITLE_GAP': -64, '_CLOSING': -64, '_END': -64, '_PART': -64, '_SUB': -64},  # 98
    {'ANNEX': -65, 'ARTICLE': -65, 'AR_DOT': -65, 'AR_HALF_PAREN': -65, 'AR_PAREN': -65, 'BOOK': -65, 'CHAPTER': -65, 'CIRCLED': -65, 'CN_BARE': -65, 'CN_NUM': -65, 'CN_PAREN': -65, 'DASH': -65, 'ENUM_SHI': -65, 'ENUM_YAO': -65, 'ORDINAL': -65, 'PAREN_DIGIT': -65, 'PAREN_IDEOGRAPH': -65, 'PART': -65, 'SECTION': -65, 'SEQUENCE': -65, 'SEQUENCE_BARE': -65, 'SUBBOOK': -65, 'SUBTITLE': -65, 'SUPPLEMENT': -65, 'TEXT': -65, 'TITLE_GAP': -65, '_CLOSING': -65, '_END': -65, '_PART': -65, '_SUB': -65},  # 99
    {'_END': -66, '_SUB': -66},  # 100
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, '_CLOSING': 34, '_END': 131, '_PART': 69, '_heading': 71, 'closing': 132},  # 101
    {'_END': 133},  # 102
    {'_END': -67, '_SUB': -67},  # 103
    {'_END': 134},  # 104
    {'_END': -68, '_SUB': -68},  # 105
    {'ANNEX': -69, 'ARTICLE': -69, 'AR_DOT': -69, 'AR_HALF_PAREN': -69, 'AR_PAREN': -69, 'BOOK': -69, 'CHAPTER': -69, 'CIRCLED': -69, 'CN_BARE': -69, 'CN_NUM': -69, 'CN_PAREN': -69, 'DASH': -69, 'ENUM_SHI': -69, 'ENUM_YAO': -69, 'ORDINAL': -69, 'PAREN_DIGIT': -69, 'PAREN_IDEOGRAPH': -69, 'PART': -69, 'SECTION': -69, 'SEQUENCE': -69, 'SEQUENCE_BARE': -69, 'SUBBOOK': -69, 'SUPPLEMENT': -69, '_CLOSING': -69, '_END': -69, '_PART': -69, '_SUB': -69},  # 106
    {'$END': -70, '_DOC': -70},  # 107
    {'$END': -71, '_DOC': -71},  # 108
    {'_END': 135, '_SUB': 37, 'subdocument': 74},  # 109
    {'$END': -72, '_DOC': -72},  # 110
    {'$END': -73, '_DOC': -73},  # 111
    {'ANNEX': 7, 'ARTICLE': 8, 'AR_DOT': 9, 'AR_HALF_PAREN': 10, 'AR_PAREN': 11, 'BOOK': 12, 'CHAPTER': 13, 'CIRCLED': 14, 'CN_BARE': 15, 'CN_NUM': 16, 'CN_PAREN': 17, 'DASH': 18, 'ENUM_SHI': 19, 'ENUM_YAO': 20, 'ORDINAL': 23, 'PAREN_DIGIT': 24, 'PAREN_IDEOGRAPH': 25, 'PART': 26, 'SECTION': 27, 'SEQUENCE': 28, 'SEQUENCE_BARE': 29, 'SUBBOOK': 30, 'SUPPLEMENT': 31, '_CLOSING': 34, '_END': 136, '_PART': 69, '_SUB': 37, '__document_star_2': 137, '_heading': 71, 'closing': 138, 'subdocument': 42},  # 112
    {'_END': 139, '_SUB': 37, 'subdocument': 74},  # 113
    {'_END': 140, '_SUB': 37, '__document_star_2': 141, 'subdocument': 42},  # 114
    {'$END': -74, '_DOC': -74},  # 115
    {'_END': 142, '_SUB': 37, 'subdocument': 74},  # 116
    {'_END': 143, '_SUB': 37, '__document_star_2': 144, 'subdocument': 42},  # 117
    {'$END': -75, '_DOC': -75},  # 118
    {'$END': -76, '_DOC': -76},  # 119
    {'_END': 145, '_SUB': 37, 'subdocument': 74},  # 120
    {'ANNEX': -77, 'ARTICLE': -77, 'AR_DOT': -77, 'AR_HALF_PAREN': -77, 'AR_PAREN': -77, 'BOOK': -77, 'CHAPTER': -77, 'CIRCLED': -77, 'CN_BARE': -77, 'CN_NUM': -77, 'CN_PAREN': -77, 'DASH': -77, 'ENUM_SHI': -77, 'ENUM_YAO': -77, 'ORDINAL': -77, 'PAREN_DIGIT': -77, 'PAREN_IDEOGRAPH': -77, 'PART': -77, 'SECTION': -77, 'SEQUENCE': -77, 'SEQUENCE_BARE': -77, 'SUBBOOK': -77, 'SUBTITLE': 98, 'SUPPLEMENT': -77, 'TEXT': -77, 'TITLE_GAP': 99, '_CLOSING': -77, '_END': -77, '_PART': -77, '_SUB': -77},  # 121
    {'ANNEX': -78, 'ARTICLE': -78, 'AR_DOT': -78, 'AR_HALF_PAREN': -78, 'AR_PAREN': -78, 'BOOK': -78, 'CHAPTER': -78, 'CIRCLED': -78, 'CN_BARE': -78, 'CN_NUM': -78, 'CN_PAREN': -78, 'DASH': -78, 'ENUM_SHI': -78, 'ENUM_YAO': -78, 'ORDINAL': -78, 'PAREN_DIGIT': -78, 'PAREN_IDEOGRAPH': -78, 'PART': -78, 'SECTION': -78, 'SEQUENCE': -78, 'SEQUENCE_BARE': -78, 'SUBBOOK': -78, 'SUBTITLE': 98, 'SUPPLEMENT': -78, 'TEXT': -78, 'TITLE_GAP': 99, '_CLOSING': -78, '_END': -78, '_PART': -78, '_SUB': -78},  # 122
    {'ANNEX': -79, 'ARTICLE': -79, 'AR_DOT': -79, 'AR_HALF_PAREN': -79, 'AR_PAREN': -79, 'BOOK': -79, 'CHAPTER': -79, 'CIRCLED': -79, 'CN_BARE': -79, 'CN_NUM': -79, 'CN_PAREN': -79, 'DASH': -79, 'ENUM_SHI': -79, 'ENUM_YAO': -79, 'ORDINAL': -79, 'PAREN_DIGIT': -79, 'PAREN_IDEOGRAPH': -79, 'PART': -79, 'SECTION': -79, 'SEQUENCE': -79, 'SEQUENCE_BARE': -79, 'SUBBOOK': -79, 'SUBTITLE': 59, 'SUPPLEMENT': -79, 'TEXT': -79, 'TITLE_GAP': 60, '_CLOSING': -79, '_END': -79, '_PART': -79, '_SUB': -79, '__titles_star_5': 146},  # 123
    {'ANNEX': -80, 'ARTICLE': -80, 'AR_DOT': -80, 'AR_HALF_PAREN': -80, 'AR_PAREN': -80, 'BOOK': -80, 'CHAPTER': -80, 'CIRCLED': -80, 'CN_BARE': -80, 'CN_NUM': -80, 'CN_PAREN': -80, 'DASH': -80, 'ENUM_SHI': -80, 'ENUM_YAO': -80, 'ORDINAL': -80, 'PAREN_DIGIT': -80, 'PAREN_IDEOGRAPH': -80, 'PART': -80, 'SECTION': -80, 'SEQUENCE': -80, 'SEQUENCE_BARE': -80, 'SUBBOOK': -80, 'SUBTITLE': 59, 'SUPPLEMENT': -80, 'TEXT': -80, 'TITLE_GAP': 60, '_CLOSING': -80, '_END': -80, '_PART': -80, '_SUB': -80, '__titles_star_5': 147},  # 124
    {'TITLE': 148, 'TITLE_GAP': 84},  # 125
    {'ANNEX': -81, 'ARTICLE': -81, 'AR_DOT': -81, 'AR_HALF_PAREN': -81, 'AR_PAREN': -81, 'BOOK': -81, 'CHAPTER': -81, 'CIRCLED': -81, 'CN_BARE': -81, 'CN_NUM': -81, 'CN_PAREN': -81, 'DASH': -81, 'ENUM_SHI': -81, 'ENUM_YAO': -81, 'ORDINAL': -81, 'PAREN_DIGIT': -81, 'PAREN_IDEOGRAPH': -81, 'PART': -81, 'SECTION': -81, 'SEQUENCE': -81, 'SEQUENCE_BARE': -81, 'SUBBOOK': -81, 'SUBTITLE': 98, 'SUPPLEMENT': -81, 'TEXT': -81, 'TITLE_GAP': 99, '_CLOSING': -81, '_END': -81, '_PART': -81, '_SUB': -81},  # 126
    {'$END': -82, '_DOC': -82},  # 127
    {'$END': -83, '_DOC': -83},  # 128
    {'_END': 149, '_SUB': 37, 'subdocument': 74},  # 129
    {'$END': -84, '_DOC': -84},  # 130
    {'_END': -85, '_SUB': -85},  # 131
    {'_END': 150},  # 132
    {'_END': -86, '_SUB': -86},  # 133
    {'_END': -87, '_SUB': -87},  # 134
    {'$END': -88, '_DOC': -88},  # 135
    {'$END': -89, '_DOC': -89},  # 136
    {'_END': 151, '_SUB': 37, 'subdocument': 74},  # 137
    {'_END': 152, '_SUB': 37, '__document_star_2': 153, 'subdocument': 42},  # 138
    {'$END': -90, '_DOC': -90},  # 139
    {'$END': -91, '_DOC': -91},  # 140
    {'_END': 154, '_SUB': 37, 'subdocument': 74},  # 141
    {'$END': -92, '_DOC': -92},  # 142
    {'$END': -93, '_DOC': -93},  # 143
    {'_END': 155, '_SUB': 37, 'subdocument': 74},  # 144
    {'$END': -94, '_DOC': -94},  # 145
    {'ANNEX': -95, 'ARTICLE': -95, 'AR_DOT': -95, 'AR_HALF_PAREN': -95, 'AR_PAREN': -95, 'BOOK': -95, 'CHAPTER': -95, 'CIRCLED': -95, 'CN_BARE': -95, 'CN_NUM': -95, 'CN_PAREN': -95, 'DASH': -95, 'ENUM_SHI': -95, 'ENUM_YAO': -95, 'ORDINAL': -95, 'PAREN_DIGIT': -95, 'PAREN_IDEOGRAPH': -95, 'PART': -95, 'SECTION': -95, 'SEQUENCE': -95, 'SEQUENCE_BARE': -95, 'SUBBOOK': -95, 'SUBTITLE': 98, 'SUPPLEMENT': -95, 'TEXT': -95, 'TITLE_GAP': 99, '_CLOSING': -95, '_END': -95, '_PART': -95, '_SUB': -95},  # 146
    {'ANNEX': -96, 'ARTICLE': -96, 'AR_DOT': -96, 'AR_HALF_PAREN': -96, 'AR_PAREN': -96, 'BOOK': -96, 'CHAPTER': -96, 'CIRCLED': -96, 'CN_BARE': -96, 'CN_NUM': -96, 'CN_PAREN': -96, 'DASH': -96, 'ENUM_SHI': -96, 'ENUM_YAO': -96, 'ORDINAL': -96, 'PAREN_DIGIT': -96, 'PAREN_IDEOGRAPH': -96, 'PART': -96, 'SECTION': -96, 'SEQUENCE': -96, 'SEQUENCE_BARE': -96, 'SUBBOOK': -96, 'SUBTITLE': 98, 'SUPPLEMENT': -96, 'TEXT': -96, 'TITLE_GAP': 99, '_CLOSING': -96, '_END': -96, '_PART': -96, '_SUB': -96},  # 147
    {'ANNEX': -97, 'ARTICLE': -97, 'AR_DOT': -97, 'AR_HALF_PAREN': -97, 'AR_PAREN': -97, 'BOOK': -97, 'CHAPTER': -97, 'CIRCLED': -97, 'CN_BARE': -97, 'CN_NUM': -97, 'CN_PAREN': -97, 'DASH': -97, 'ENUM_SHI': -97, 'ENUM_YAO': -97, 'ORDINAL': -97, 'PAREN_DIGIT': -97, 'PAREN_IDEOGRAPH': -97, 'PART': -97, 'SECTION': -97, 'SEQUENCE': -97, 'SEQUENCE_BARE': -97, 'SUBBOOK': -97, 'SUBTITLE': 59, 'SUPPLEMENT': -97, 'TEXT': -97, 'TITLE_GAP': 60, '_CLOSING': -97, '_END': -97, '_PART': -97, '_SUB': -97, '__titles_star_5': 156},  # 148
    {'$END': -98, '_DOC': -98},  # 149
    {'_END': -99, '_SUB': -99},  # 150
    {'$END': -100, '_DOC': -100},  # 151
    {'$END': -101, '_DOC': -101},  # 152
    {'_END': 157, '_SUB': 37, 'subdocument': 74},  # 153
    {'$END': -102, '_DOC': -102},  # 154
    {'$END': -103, '_DOC': -103},  # 155
    {'ANNEX': -104, 'ARTICLE': -104, 'AR_DOT': -104, 'AR_HALF_PAREN': -104, 'AR_PAREN': -104, 'BOOK': -104, 'CHAPTER': -104, 'CIRCLED': -104, 'CN_BARE': -104, 'CN_NUM': -104, 'CN_PAREN': -104, 'DASH': -104, 'ENUM_SHI': -104, 'ENUM_YAO': -104, 'ORDINAL': -104, 'PAREN_DIGIT': -104, 'PAREN_IDEOGRAPH': -104, 'PART': -104, 'SECTION': -104, 'SEQUENCE': -104, 'SEQUENCE_BARE': -104, 'SUBBOOK': -104, 'SUBTITLE': 98, 'SUPPLEMENT': -104, 'TEXT': -104, 'TITLE_GAP': 99, '_CLOSING': -104, '_END': -104, '_PART': -104, '_SUB': -104},  # 156
    {'$END': -105, '_DOC': -105},  # 157
)

RULES: tuple[tuple[str, int, tuple[tuple[int, bool], ...]], ...] = (
    ('start', 0, ()),  # 0
    ('start', 1, ((0, True),)),  # 1
    ('__start_star_0', 1, ((0, False),)),  # 2
    ('start', 1, ((0, False),)),  # 3
    ('_heading', 1, ((0, False),)),  # 4
    ('_heading', 1, ((0, False),)),  # 5
    ('_heading', 1, ((0, False),)),  # 6
    ('_heading', 1, ((0, False),)),  # 7
    ('_heading', 1, ((0, False),)),  # 8
    ('_heading', 1, ((0, False),)),  # 9
    ('_heading', 1, ((0, False),)),  # 10
    ('_heading', 1, ((0, False),)),  # 11
    ('_heading', 1, ((0, False),)),  # 12
    ('_heading', 1, ((0, False),)),  # 13
    ('_heading', 1, ((0, False),)),  # 14
    ('_heading', 1, ((0, False),)),  # 15
    ('_heading', 1, ((0, False),)),  # 16
    ('_heading', 1, ((0, False),)),  # 17
    ('_heading', 1, ((0, False),)),  # 18
    ('_heading', 1, ((0, False),)),  # 19
    ('_heading', 1, ((0, False),)),  # 20
    ('_heading', 1, ((0, False),)),  # 21
    ('_heading', 1, ((0, False),)),  # 22
    ('_heading', 1, ((0, False),)),  # 23
    ('_heading', 1, ((0, False),)),  # 24
    ('_heading', 1, ((0, False),)),  # 25
    ('_heading', 1, ((0, False),)),  # 26
    ('titles', 1, ((0, False),)),  # 27
    ('document', 2, ()),  # 28
    ('__document_star_1', 1, ((0, True),)),  # 29
    ('__document_star_2', 1, ((0, False),)),  # 30
    ('preamble', 2, ((1, False),)),  # 31
    ('__start_star_0', 2, ((0, True), (1, False))),  # 32
    ('start', 2, ((0, False), (1, True))),  # 33
    ('titles', 2, ((0, False), (1, False))),  # 34
    ('__titles_star_4', 1, ((0, False),)),  # 35
    ('__titles_star_3', 1, ((0, False),)),  # 36
    ('titles', 2, ((0, False), (1, False))),  # 37
    ('__titles_star_3', 1, ((0, False),)),  # 38
    ('document', 3, ((1, False),)),  # 39
    ('__titles_star_5', 1, ((0, False),)),  # 40
    ('__titles_star_5', 1, ((0, False),)),  # 41
    ('titles', 2, ((0, False), (1, True))),  # 42
    ('closing', 2, ((1, False),)),  # 43
    ('__document_star_1', 2, ((1, False),)),  # 44
    ('subdocument', 2, ()),  # 45
    ('document', 3, ((1, True),)),  # 46
    ('__document_star_1', 2, ((0, True), (1, True))),  # 47
    ('document', 3, ((1, True),)),  # 48
    ('__document_star_2', 2, ((0, True), (1, False))),  # 49
    ('document', 3, ((1, False),)),  # 50
    ('document', 3, ((1, False),)),  # 51
    ('titles', 3, ((0, False), (1, False), (2, True))),  # 52
    ('titles', 3, ((0, False), (1, True), (2, False))),  # 53
    ('__titles_star_4', 2, ((0, True), (1, False))),  # 54
    ('titles', 3, ((0, False), (1, False), (2, False))),  # 55
    ('titles', 3, ((0, False), (1, False), (2, True))),  # 56
    ('__titles_star_3', 2, ((0, True), (1, False))),  # 57
    ('titles', 3, ((0, False), (1, True), (2, False))),  # 58
    ('__titles_star_3', 2, ((0, True), (1, False))),  # 59
    ('document', 4, ((1, False), (2, True))),  # 60
    ('document', 4, ((1, False), (2, True))),  # 61
    ('document', 4, ((1, False), (2, False))),  # 62
    ('__titles_star_5', 2, ((0, True), (1, False))),  # 63
    ('__titles_star_5', 2, ((0, True), (1, False))),  # 64
    ('subdocument', 3, ((1, False),)),  # 65
    ('subdocument', 3, ((1, True),)),  # 66
    ('subdocument', 3, ((1, False),)),  # 67
    ('__document_star_1', 3, ((0, True), (2, False))),  # 68
    ('document', 4, ((1, True), (2, True))),  # 69
    ('document', 4, ((1, True), (2, False))),  # 70
    ('document', 4, ((1, False), (2, True))),  # 71
    ('document', 4, ((1, False), (2, False))),  # 72
    ('document', 4, ((1, False), (2, True))),  # 73
    ('document', 4, ((1, False), (2, True))),  # 74
    ('document', 4, ((1, False), (2, False))),  # 75
    ('titles', 4, ((0, False), (1, True), (2, False), (3, True))),  # 76
    ('titles', 4, ((0, False), (1, False), (2, False), (3, True))),  # 77
    ('titles', 4, ((0, False), (1, False), (2, True), (3, False))),  # 78
    ('titles', 4, ((0, False), (1, True), (2, False), (3, False))),  # 79
    ('titles', 4, ((0, False), (1, True), (2, False), (3, True))),  # 80
    ('document', 5, ((1, False), (2, True), (3, True))),  # 81
    ('document', 5, ((1, False), (2, True), (3, False))),  # 82
    ('document', 5, ((1, False), (2, False), (3, True))),  # 83
    ('subdocument', 4, ((1, False), (2, True))),  # 84
    ('subdocument', 4, ((1, False), (2, False))),  # 85
    ('subdocument', 4, ((1, True), (2, False))),  # 86
    ('document', 5, ((1, True), (2, False), (3, True))),  # 87
    ('document', 5, ((1, False), (2, False), (3, True))),  # 88
    ('document', 5, ((1, False), (2, False), (3, True))),  # 89
    ('document', 5, ((1, False), (2, False), (3, False))),  # 90
    ('document', 5, ((1, False), (2, True), (3, True))),  # 91
    ('document', 5, ((1, False), (2, True), (3, False))),  # 92
    ('document', 5, ((1, False), (2, False), (3, True))),  # 93
    ('titles', 5, ((0, False), (1, False), (2, True), (3, False), (4, True))),  # 94
    ('titles', 5, ((0, False), (1, True), (2, False), (3, False), (4, True))),  # 95
    ('titles', 5, ((0, False), (1, True), (2, False), (3, True), (4, False))),  # 96
    ('document', 6, ((1, False), (2, True), (3, False), (4, True))),  # 97
    ('subdocument', 5, ((1, False), (2, True), (3, False))),  # 98
    ('document', 6, ((1, False), (2, False), (3, True), (4, True))),  # 99
    ('document', 6, ((1, False), (2, False), (3, True), (4, False))),  # 100
    ('document', 6, ((1, False), (2, False), (3, False), (4, True))),  # 101
    ('document', 6, ((1, False), (2, True), (3, False), (4, True))),  # 102
    ('titles', 6, ((0, False), (1, True), (2, False), (3, True), (4, False), (5, True))),  # 103
    ('document', 7, ((1, False), (2, False), (3, True), (4, False), (5, True))),  # 104
)

FIRST = {'(': 2376761887199488,
 '-': 2376757625749760,
 '0': 2519694103888128,
 '1': 2519694103888128,
 '2': 2519694103888128,
 '3': 2519694103888128,
 '4': 2519694103888128,
 '5': 2519694103888128,
 '6': 2519694103888128,
 '7': 2519694103888128,
 '8': 2519694103888128,
 '9': 2519694103888128,
 '—': 2376757626274048,
 '①': 2376757592326400,
 '②': 2376757592326400,
 '③': 2376757592326400,
 '④': 2376757592326400,
 '⑤': 2376757592326400,
 '⑥': 2376757592326400,
 '⑦': 2376757592326400,
 '⑧': 2376757592326400,
 '⑨': 2376757592326400,
 '⑩': 2376757592326400,
 '⑪': 2376757592326400,
 '⑫': 2376757592326400,
 '⑬': 2376757592326400,
 '⑭': 2376757592326400,
 '⑮': 2376757592326400,
 '⑯': 2376757592326400,
 '⑰': 2376757592326400,
 '⑱': 2376757592326400,
 '⑲': 2376757592326400,
 '⑳': 2376757592326400,
 '⑴': 2376757592457472,
 '⑵': 2376757592457472,
 '⑶': 2376757592457472,
 '⑷': 2376757592457472,
 '⑸': 2376757592457472,
 '⑹': 2376757592457472,
 '⑺': 2376757592457472,
 '⑻': 2376757592457472,
 '⑼': 2376757592457472,
 '⑽': 2376757592457472,
 '⑾': 2376757592457472,
 '⑿': 2376757592457472,
 '⒀': 2376757592457472,
 '⒁': 2376757592457472,
 '⒂': 2376757592457472,
 '⒃': 2376757592457472,
 '⒄': 2376757592457472,
 '⒅': 2376757592457472,
 '⒆': 2376757592457472,
 '⒇': 2376757592457472,
 '⒈': 2376757592457472,
 '⒉': 2376757592457472,
 '⒊': 2376757592457472,
 '⒋': 2376757592457472,
 '⒌': 2376757592457472,
 '⒍': 2376757592457472,
 '⒎': 2376757592457472,
 '⒏': 2376757592457472,
 '⒐': 2376757592457472,
 '⒑': 2376757592457472,
 '⒒': 2376757592457472,
 '⒓': 2376757592457472,
 '⒔': 2376757592457472,
 '⒕': 2376757592457472,
 '⒖': 2376757592457472,
 '⒗': 2376757592457472,
 '⒘': 2376757592457472,
 '⒙': 2376757592457472,
 '⒚': 2376757592457472,
 '⒛': 2376757592457472,
 '─': 2376757626274048,
 '○': 2517495080550656,
 '〇': 2517495080552704,
 '㈠': 2376757592203520,
 '㈡': 2376757592203520,
 '㈢': 2376757592203520,
 '㈣': 2376757592203520,
 '㈤': 2376757592203520,
 '㈥': 2376757592203520,
 '㈦': 2376757592203520,
 '㈧': 2376757592203520,
 '㈨': 2376757592203520,
 '㈩': 2376757592203520,
 '㉑': 2376757592326400,
 '㉒': 2376757592326400,
 '㉓': 2376757592326400,
 '㉔': 2376757592326400,
 '㉕': 2376757592326400,
 '㉖': 2376757592326400,
 '㉗': 2376757592326400,
 '㉘': 2376757592326400,
 '㉙': 2376757592326400,
 '㉚': 2376757592326400,
 '㉛': 2376757592326400,
 '㉜': 2376757592326400,
 '㉝': 2376757592326400,
 '㉞': 2376757592326400,
 '㉟': 2376757592326400,
 '㊱': 2376757592326400,
 '㊲': 2376757592326400,
 '㊳': 2376757592326400,
 '㊴': 2376757592326400,
 '㊵': 2376757592326400,
 '㊶': 2376757592326400,
 '㊷': 2376757592326400,
 '㊸': 2376757592326400,
 '㊹': 2376757592326400,
 '㊺': 2376757592326400,
 '㊻': 2376757592326400,
 '㊼': 2376757592326400,
 '㊽': 2376757592326400,
 '㊾': 2376757592326400,
 '㊿': 2376757592326400,
 '一': 2517495083699456,
 '七': 2517495083699456,
 '三': 2517495083699456,
 '上': 6880357219565824,
 '两': 2376757592197376,
 '主': 2376759739678976,
 '九': 2517495083699456,
 '二': 2517495083699456,
 '五': 2517495083699456,
 '今': 11383956846936320,
 '以': 6880357219565824,
 '先': 3221285601542400,
 '八': 2517495083699456,
 '六': 2517495083699456,
 '其': 2376757617361152,
 '再': 2376757617361152,
 '加': 2385553685217536,
 '十': 2376757595344128,
 '各': 3221285601542400,
 '同': 3221285601542400,
 '四': 2517495083699456,
 '回': 6880357219565824,
 '在': 6880357219565824,
 '大': 2376826311672064,
 '女': 3221285601542400,
 '尊': 3221285601542400,
 '平': 2385553685217536,
 '总': 6880357219565824,
 '抄': 2376758665937152,
 '最': 2376757617361152,
 '朋': 3221285601542400,
 '本': 2376757592195840,
 '机': 2381155638706432,
 '校': 2376761887162624,
 '注': 2376757659304192,
 '特': 2385553685217536,
 '百': 2376757592197376,
 '目': 2376757860630784,
 '秘': 2381155638706432,
 '第': 2376757596389791,
 '签': 2376758129066240,
 '结': 2377032470102272,
 '绝': 2381155638706432,
 '综': 6880357219565824,
 '让': 3502657499037952,
 '附': 2376757726413152,
 '零': 2517495080552704,
 '首': 2376757617361152,
 '（': 2376761887199488,
 '－': 2376757626274048,
 '０': 2519694103888128,
 '１': 2519694103888128,
 '２': 2519694103888128,
 '３': 2519694103888128,
 '４': 2519694103888128,
 '５': 2519694103888128,
 '６': 2519694103888128,
 '７': 2519694103888128,
 '８': 2519694103888128,
 '９': 2519694103888128}

FIRST_OTHER = 2376757592195328

LAST = {'!': 17738669930576863,
 ')': 15486827167218655,
 '0': 15489009010605023,
 '1': 15489009010605023,
 '2': 15489009010605023,
 '3': 15489009010605023,
 '4': 15489009010605023,
 '5': 15489009010605023,
 '6': 15489009010605023,
 '7': 15489009010605023,
 '8': 15489009010605023,
 '9': 15489009010605023,
 ':': 15557170141592543,
 '。': 15486870116891615,
 '〇': 15486809987349471,
 '一': 15486809987350495,
 '七': 15486809987350495,
 '三': 15486809987350495,
 '九': 15486809987350495,
 '二': 15486809987350495,
 '五': 15486809987350495,
 '令': 15486818577284063,
 '件': 15504393583459295,
 '作': 15487351153228767,
 '例': 15486818577284063,
 '八': 15486809987350495,
 '六': 15486809987350495,
 '况': 15487351153228767,
 '准': 15486818577284063,
 '函': 15486818577284063,
 '划': 15486818577284063,
 '则': 15486818577284095,
 '务': 15487351153228767,
 '势': 15487351153228767,
 '十': 15486809987350495,
 '单': 15486818577284063,
 '南': 15486818577284063,
 '发': 15521985769503711,
 '告': 15486827167218655,
 '四': 15486809987350495,
 '复': 15486818577284063,
 '好': 15486870116891615,
 '定': 15486818577284063,
 '引': 15486818577284063,
 '录': 15486801665850335,
 '急': 15495597490437087,
 '报': 15486818577284063,
 '提': 15495597490437087,
 '施': 15487351153228767,
 '日': 15627538885770207,
 '案': 15486818577284063,
 '法': 15486818577284063,
 '点': 15486818577284063,
 '百': 15486809987349471,
 '知': 15486818577284063,
 '示': 15486818577284063,
 '程': 15486818577284063,
 '稿': 15486809987349471,
 '纲': 15486809987349471,
 '结': 15487351153228767,
 '要': 15486818577284063,
 '见': 15486818577284063,
 '言': 15486809987349471,
 '話': 15486809987349471,
 '议': 15486818577284063,
 '设': 15487351153228767,
 '话': 15486809987349471,
 '语': 15487076275321823,
 '辞': 15486809987349471,
 '辭': 15486809987349471,
 '释': 15486818577284063,
 '零': 15486809987349471,
 '题': 15487351153228767,
 '！': 17738669930576863,
 '）': 15486827167218655,
 '０': 15489009010605023,
 '１': 15489009010605023,
 '２': 15489009010605023,
 '３': 15489009010605023,
 '４': 15489009010605023,
 '５': 15489009010605023,
 '６': 15489009010605023,
 '７': 15489009010605023,
 '８': 15489009010605023,
 '９': 15489009010605023,
 '：': 15557170141592543}

LAST_OTHER = 15486801397414879

INDENTED = 2376757592195328

DECORATED = '#*+-'
