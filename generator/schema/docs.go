package schema

// Docs describes every key of every file, in Vietnamese (the language of
// the staff who edit the files), keyed "Type.key" by the Go type that
// decodes the key; "Type" alone describes the file or mapping itself. A
// type name used by two packages is qualified with its package
// ("config.Area.note"). The same text is the `description` of the JSON
// Schemas and the comments of the files `ocop new` writes. A test fails
// when a key of a content struct has no entry here, so adding a key to a
// struct means describing it once.
var Docs = map[string]string{
	// site.yaml
	"Site":              "Cấu hình chung của trang: site.yaml ở thư mục gốc.",
	"Site.title":        "Tên trang, hiện ở đầu mỗi trang và trong tiêu đề trình duyệt.",
	"Site.base_url":     "Địa chỉ đăng trang: địa chỉ đầy đủ (https://ocop.thanhhoa.gov.vn/) hoặc đường dẫn con (/ocop/). Mặc định /.",
	"Site.language":     "Ngôn ngữ nội dung và giao diện, mặc định vi.",
	"Site.languages":    "Các bản ngôn ngữ của trang, ví dụ [vi, en]: bản đầu tiên là bản mặc định ở gốc trang (và là ngôn ngữ viết các tệp), mỗi bản khác ở /<mã>/ với cùng đường dẫn. Mỗi ngôn ngữ cần tệp chuỗi giao diện layouts/i18n/<mã>.yaml (có sẵn vi, en).",
	"Site.translations": "Văn bản của các bản ngôn ngữ khác: theo mã ngôn ngữ, title, menu, contact, footer thay cho khóa cùng tên ở đầu tệp. Khóa bỏ trống thì bản đó dùng văn bản tiếng Việt.",
	"Site.area":         "Địa bàn trang phụ trách.",
	"Site.rubric":       "Mã bộ tiêu chí mặc định, dùng cho sản phẩm và phiếu chấm không ghi bộ tiêu chí. Mặc định qd148-2023.",
	"Site.per_page":     "Số sản phẩm, bài tin trên một trang danh sách (1–500). Mặc định 24.",
	"Site.menu":         "Trình đơn chính: danh sách {title, url}. Bỏ trống: sản phẩm, chủ thể, điểm bán, tin tức và các trang có số menu.",
	"Site.contact":      "Thông tin liên hệ ở chân trang.",
	"Site.footer":       "Dòng chữ ở chân trang.",
	"Site.images":       "Cách đăng ảnh sản phẩm: mỗi ảnh được thu nhỏ về các độ rộng trong widths và lưu JPEG với chất lượng quality.",

	"Images":         "Cách đăng ảnh sản phẩm.",
	"Images.quality": "Chất lượng JPEG của ảnh đăng, 1–100. Mặc định 80.",
	"Images.widths":  "Các độ rộng (điểm ảnh) ảnh được thu nhỏ về; ảnh không bao giờ bị phóng to. Mặc định [320, 640, 1280].",

	"config.Area":          "Địa bàn trang phụ trách.",
	"config.Area.province": "Tỉnh, thành phố.",
	"config.Area.district": "Huyện, thị xã (nếu trang của một huyện).",
	"config.Area.note":     "Ghi chú về địa bàn.",

	"MenuItem":       "Một mục của trình đơn.",
	"MenuItem.title": "Chữ hiện trên trình đơn.",
	"MenuItem.url":   "Địa chỉ: bắt đầu bằng / là trang trong site (/san-pham/), hoặc địa chỉ đầy đủ https://…",

	"Translation":         "Văn bản của một bản ngôn ngữ khác; khóa bỏ trống thì dùng văn bản của bản mặc định.",
	"Translation.title":   "Tên trang trong bản ngôn ngữ này.",
	"Translation.menu":    "Trình đơn chính trong bản ngôn ngữ này: danh sách {title, url}; url bắt đầu bằng / là trang của bản này (/san-pham/ thành /en/san-pham/).",
	"Translation.contact": "Thông tin liên hệ ở chân trang, trong bản ngôn ngữ này.",
	"Translation.footer":  "Dòng chữ ở chân trang, trong bản ngôn ngữ này.",

	// products/**/<slug>/product.yaml
	"Product":              "Một sản phẩm: products/**/<slug>/product.yaml. Tên thư mục là mã (slug) và địa chỉ trang sản phẩm.",
	"Product.name":         "Tên sản phẩm, ghi đúng như trên quyết định công nhận.",
	"Product.name_en":      "Tên tiếng Anh (nếu có); bản tiếng Anh của trang dùng tên này.",
	"Product.group":        "Mã nhóm sản phẩm theo bộ tiêu chí, ví dụ thuc-pham. Kiểm tra theo bộ tiêu chí của lần đánh giá mới nhất, hoặc bộ mặc định của trang.",
	"Product.subgroup":     "Mã bộ sản phẩm trong nhóm, ví dụ che-tuoi-che-bien; quyết định phiếu chấm điểm mặc định.",
	"Product.producer":     "Mã chủ thể sản xuất: tên tệp content/producers/<mã>.yaml (không ghi .yaml).",
	"Product.area":         "Địa chỉ nơi sản xuất, ghi như lúc công nhận (giữ tên đơn vị cũ nếu khi đó là tên cũ).",
	"Product.summary":      "Một hai câu giới thiệu, hiện trên thẻ sản phẩm, kết quả tìm kiếm và khi chia sẻ.",
	"Product.summary_en":   "Tóm tắt tiếng Anh, cho bản tiếng Anh của trang (languages: [vi, en]). Bỏ trống: bản tiếng Anh hiện tóm tắt tiếng Việt. Câu chuyện tiếng Anh viết ở story.en.md cạnh story.md.",
	"Product.images":       "Tên các tệp ảnh trong thư mục images/, ảnh bìa trước. Bỏ trống: dùng mọi ảnh trong images/ theo thứ tự tên. JPEG, PNG, GIF hoặc WebP.",
	"Product.specs":        "Quy cách, thông số, mỗi mục một dòng, ví dụ: Hộp 100 g; Hạn sử dụng 12 tháng.",
	"Product.standards":    "Tiêu chuẩn, chứng nhận đạt được: VietGAP, ISO 22000, TCCS…",
	"Product.traceability": "Địa chỉ trang truy xuất nguồn gốc, đầy đủ https://…",
	"Product.price":        "Giá bán, ghi bằng chữ, ví dụ: 120.000 đ/hộp.",
	"Product.sold_at":      "Mã các điểm bán có sản phẩm: tên tệp content/sales-points/<mã>.yaml.",
	"Product.tags":         "Từ khóa tự do.",
	"Product.draft":        "true: chưa đăng sản phẩm lên trang (vẫn được kiểm tra).",

	"Area":          "Địa chỉ hành chính, ghi tự do như trên hồ sơ.",
	"Area.commune":  "Xã, phường, thị trấn, ví dụ: xã Bình Sơn.",
	"Area.district": "Huyện, thị xã, thành phố thuộc tỉnh, ví dụ: huyện Triệu Sơn (cấp huyện không còn từ 01/07/2025; hồ sơ cũ giữ nguyên).",
	"Area.province": "Tỉnh, thành phố trực thuộc trung ương, ví dụ: Thanh Hóa.",

	// products/**/<slug>/scores/*.yaml
	"Evaluation":          "Một lần hội đồng đánh giá, phân hạng sản phẩm và quyết định công nhận: products/**/<slug>/scores/<yyyy-mm-dd>-<cấp>.yaml.",
	"Evaluation.rubric":   "Mã bộ tiêu chí (mặc định: rubric trong site.yaml). Phải có hiệu lực vào ngày đánh giá: đợt năm 2021 dùng qd1048-2019.",
	"Evaluation.form":     "Mã phiếu chấm (mặc định: phiếu của bộ sản phẩm – subgroup – của sản phẩm).",
	"Evaluation.level":    "Cấp hội đồng đánh giá.",
	"Evaluation.council":  "Tên hội đồng đánh giá.",
	"Evaluation.date":     "Ngày hội đồng chấm điểm, YYYY-MM-DD (mặc định: ngày quyết định).",
	"Evaluation.sheets":   "Phiếu chấm của từng thành viên hội đồng (ẩn danh), mỗi phiếu một mục: mã tiêu chí → điểm. Ghi mã trong ngoặc kép: \"1.1\": 3.",
	"Evaluation.total":    "Thay cho sheets khi hồ sơ chỉ có kết quả: điểm trung bình tổng (0–100).",
	"Evaluation.decision": "Quyết định công nhận sau lần đánh giá này.",
	"Evaluation.result":   "Kết quả, khi hồ sơ ghi kết quả mà không có điểm.",
	"Evaluation.revoked":  "Quyết định thu hồi công nhận trước hạn.",

	"Decision":             "Quyết định công nhận sản phẩm OCOP.",
	"Decision.number":      "Số quyết định, ví dụ: 1114/QĐ-UBND.",
	"Decision.date":        "Ngày ký quyết định, YYYY-MM-DD; giấy chứng nhận có hiệu lực từ ngày này.",
	"Decision.issuer":      "Cơ quan ban hành, ví dụ: UBND tỉnh Thanh Hóa.",
	"Decision.star":        "Hạng sao được công nhận.",
	"Decision.valid_until": "Ngày hết hiệu lực, chỉ khi quyết định ghi rõ (mặc định: 36 tháng từ ngày quyết định).",

	"Revocation":        "Quyết định thu hồi công nhận.",
	"Revocation.number": "Số quyết định thu hồi.",
	"Revocation.date":   "Ngày ký quyết định thu hồi, YYYY-MM-DD.",
	"Revocation.issuer": "Cơ quan ban hành.",
	"Revocation.reason": "Lý do thu hồi.",

	// content/producers/<id>.yaml
	"Producer":                "Chủ thể sản xuất: content/producers/<mã>.yaml; tên tệp là mã chủ thể.",
	"Producer.name":           "Tên chủ thể, ghi cả loại hình như trên quyết định (HTX…, Công ty…).",
	"Producer.name_en":        "Tên tiếng Anh, cho bản tiếng Anh của trang (nếu có).",
	"Producer.kind":           "Loại hình chủ thể.",
	"Producer.address":        "Địa chỉ (số nhà, đường, thôn…).",
	"Producer.area":           "Xã, huyện, tỉnh của chủ thể.",
	"Producer.phone":          "Số điện thoại; nên đặt trong ngoặc kép: \"0237 000 0001\".",
	"Producer.email":          "Thư điện tử.",
	"Producer.website":        "Trang web, địa chỉ đầy đủ https://…",
	"Producer.representative": "Người đại diện.",
	"Producer.description":    "Giới thiệu ngắn về chủ thể.",
	"Producer.description_en": "Giới thiệu tiếng Anh, cho bản tiếng Anh của trang (nếu có).",

	// content/sales-points/<id>.yaml
	"SalesPoint":                "Điểm giới thiệu và bán sản phẩm: content/sales-points/<mã>.yaml; tên tệp là mã điểm bán.",
	"SalesPoint.name":           "Tên điểm bán.",
	"SalesPoint.name_en":        "Tên tiếng Anh, cho bản tiếng Anh của trang (nếu có).",
	"SalesPoint.kind":           "Loại điểm bán.",
	"SalesPoint.address":        "Địa chỉ (số nhà, đường…).",
	"SalesPoint.area":           "Xã, huyện, tỉnh của điểm bán.",
	"SalesPoint.geo":            "Tọa độ (WGS 84) để dẫn tới bản đồ.",
	"SalesPoint.phone":          "Số điện thoại; nên đặt trong ngoặc kép.",
	"SalesPoint.hours":          "Giờ mở cửa.",
	"SalesPoint.website":        "Trang web hoặc cửa hàng trực tuyến, địa chỉ đầy đủ https://…",
	"SalesPoint.description":    "Giới thiệu ngắn về điểm bán.",
	"SalesPoint.description_en": "Giới thiệu tiếng Anh, cho bản tiếng Anh của trang (nếu có).",

	"Geo":     "Tọa độ WGS 84.",
	"Geo.lat": "Vĩ độ, từ -90 đến 90 (Việt Nam khoảng 8,5–23,4).",
	"Geo.lng": "Kinh độ, từ -180 đến 180 (Việt Nam khoảng 102,1–109,5).",

	// content/news/<yyyy-mm-dd>-<slug>.md
	"News":          "Phần đầu (front matter) của bài tin: content/news/<yyyy-mm-dd>-<slug>.md.",
	"News.title":    "Tiêu đề bài tin.",
	"News.date":     "Ngày đăng, YYYY-MM-DD (mặc định: ngày trong tên tệp).",
	"News.summary":  "Một câu tóm tắt.",
	"News.image":    "Ảnh minh họa, đường dẫn tính từ content/news/, ví dụ: images/anh.jpg.",
	"News.tags":     "Từ khóa tự do.",
	"News.products": "Mã (slug) các sản phẩm liên quan; bài tin hiện trên trang các sản phẩm đó.",
	"News.draft":    "true: chưa đăng bài.",

	// content/pages/<slug>.md
	"NewsTranslation":         "Phần đầu của bản tiếng Anh của một bài tin: content/news/<tên>.en.md cạnh <tên>.md. Ngày, ảnh, từ khóa và sản phẩm liên quan lấy theo bài tiếng Việt.",
	"NewsTranslation.title":   "Tiêu đề tiếng Anh.",
	"NewsTranslation.summary": "Tóm tắt tiếng Anh.",

	"PageTranslation":       "Phần đầu của bản tiếng Anh của một trang tự do: content/pages/<slug>.en.md cạnh <slug>.md. Vị trí trong trình đơn lấy theo trang tiếng Việt.",
	"PageTranslation.title": "Tiêu đề tiếng Anh.",

	"Page":       "Phần đầu (front matter) của trang tự do: content/pages/<slug>.md.",
	"Page.title": "Tiêu đề trang.",
	"Page.menu":  "Thứ tự trong trình đơn mặc định; bỏ trống: trang không có trong trình đơn.",
	"Page.draft": "true: chưa đăng trang.",

	// content/areas.yaml
	"AreaChange":       "Một đơn vị hành chính cũ và đơn vị hiện nay (sau sáp nhập).",
	"AreaChange.from":  "Đơn vị cũ, ghi như trên hồ sơ.",
	"AreaChange.to":    "Đơn vị hiện nay.",
	"AreaChange.since": "Ngày thay đổi có hiệu lực, YYYY-MM-DD, ví dụ: 2025-07-01.",
	"AreaChange.note":  "Ghi chú, ví dụ: xã mới gồm những xã nào.",

	// content/rubrics/<id>.yaml
	"Set":              "Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP: content/rubrics/<id>.yaml; tên tệp là id.",
	"Set.id":           "Mã bộ tiêu chí, trùng tên tệp.",
	"Set.title":        "Tên bộ tiêu chí.",
	"Set.decision":     "Văn bản ban hành, ví dụ: 1048/QĐ-TTg ngày 21/08/2019.",
	"Set.source":       "Nguồn văn bản (địa chỉ hoặc ghi chú).",
	"Set.valid_from":   "Ngày bắt đầu áp dụng, YYYY-MM-DD; các đợt đánh giá trước ngày này không được dùng bộ này.",
	"Set.valid_months": "Thời hạn giấy chứng nhận, tính bằng tháng (mặc định 36).",
	"Set.thresholds":   "Khung điểm của từng hạng sao trên điểm trung bình tổng.",
	"Set.recognised":   "Các hạng sao được công nhận (mặc định 3, 4, 5).",
	"Set.levels":       "Cấp nào được công nhận hạng sao nào, từ valid_from.",
	"Set.authority":    "Những thay đổi về thẩm quyền công nhận sau này.",
	"Set.max_spread":   "Chênh lệch tối đa giữa tổng điểm các thành viên trước khi hội đồng phải chấm lại (mặc định 10).",
	"Set.groups":       "Các nhóm sản phẩm và bộ sản phẩm.",
	"Set.parts":        "Các phần và nhóm tiêu chí với điểm tối đa (cho phiếu không có tiêu chí chi tiết).",
	"Set.forms":        "Các phiếu chấm chi tiết theo bộ sản phẩm.",

	"Period":        "Một thay đổi thẩm quyền công nhận từ một ngày.",
	"Period.from":   "Ngày có hiệu lực, YYYY-MM-DD.",
	"Period.note":   "Ghi chú, ví dụ văn bản thay đổi.",
	"Period.levels": "Cấp nào được công nhận hạng sao nào từ ngày này.",

	"Threshold":      "Một khung điểm: điểm trung bình từ min trở lên được star sao.",
	"Threshold.star": "Hạng sao.",
	"Threshold.min":  "Điểm tối thiểu.",

	"Group":           "Một nhóm sản phẩm.",
	"Group.id":        "Mã nhóm (slug), ví dụ: thuc-pham.",
	"Group.code":      "Mã số theo văn bản.",
	"Group.name":      "Tên nhóm.",
	"Group.name_en":   "Tên nhóm tiếng Anh, cho bản tiếng Anh của trang.",
	"Group.subgroups": "Các bộ sản phẩm trong nhóm.",

	"Subgroup":         "Một bộ sản phẩm.",
	"Subgroup.id":      "Mã bộ sản phẩm (slug).",
	"Subgroup.code":    "Mã số theo văn bản.",
	"Subgroup.name":    "Tên bộ sản phẩm.",
	"Subgroup.name_en": "Tên bộ sản phẩm tiếng Anh, cho bản tiếng Anh của trang.",
	"Subgroup.form":    "Mã phiếu chấm của bộ sản phẩm.",

	"Form":       "Một phiếu chấm điểm.",
	"Form.id":    "Mã phiếu.",
	"Form.name":  "Tên phiếu.",
	"Form.parts": "Các phần A, B, C của phiếu.",

	"Part":          "Một phần của phiếu (A, B, C).",
	"Part.id":       "Mã phần: A, B hoặc C.",
	"Part.name":     "Tên phần.",
	"Part.max":      "Điểm tối đa của phần.",
	"Part.sections": "Các nhóm tiêu chí trong phần.",

	"Section":          "Một nhóm tiêu chí.",
	"Section.id":       "Mã nhóm tiêu chí, ví dụ: A1.",
	"Section.name":     "Tên nhóm tiêu chí.",
	"Section.max":      "Điểm tối đa của nhóm.",
	"Section.criteria": "Các tiêu chí trong nhóm.",

	"Criterion":           "Một tiêu chí chấm điểm.",
	"Criterion.id":        "Mã tiêu chí, ví dụ: \"1.1\" (đặt trong ngoặc kép).",
	"Criterion.name":      "Tên tiêu chí.",
	"Criterion.max":       "Điểm tối đa.",
	"Criterion.values":    "Các mức điểm được phép, khi không ghi options.",
	"Criterion.options":   "Các phương án trả lời trên phiếu và điểm của từng phương án.",
	"Criterion.mandatory": "true: tiêu chí bắt buộc phải có điểm lớn hơn 0, nếu không sản phẩm \"Không đạt\".",
	"Criterion.minimums":  "Yêu cầu điểm tối thiểu theo hạng sao (QĐ 781/2020).",
	"Criterion.note":      "Ghi chú.",

	"Option":        "Một phương án trả lời.",
	"Option.points": "Điểm của phương án.",
	"Option.text":   "Nội dung phương án như trên phiếu.",
	"Option.stop":   "true: chọn phương án này thì dừng đánh giá, sản phẩm \"Không đạt\".",

	"Minimum":        "Yêu cầu tối thiểu cho một hạng sao.",
	"Minimum.star":   "Hạng sao.",
	"Minimum.points": "Điểm trung bình tối thiểu của hội đồng trên tiêu chí này.",
	"Minimum.note":   "Ghi chú.",
}
