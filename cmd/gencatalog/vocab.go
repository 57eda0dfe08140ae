package main

// Vocabulary of the synthetic catalogue: provinces before the 2025 merger,
// syllables for place names, people's names, and base products mapped to
// the subgroups of both embedded criteria sets.

var provinces = []string{
	"Hà Giang", "Cao Bằng", "Lào Cai", "Lai Châu", "Điện Biên", "Sơn La",
	"Yên Bái", "Tuyên Quang", "Bắc Kạn", "Lạng Sơn", "Thái Nguyên", "Phú Thọ",
	"Bắc Giang", "Quảng Ninh", "Hòa Bình", "Vĩnh Phúc", "Bắc Ninh", "Hà Nội",
	"Hải Dương", "Hải Phòng", "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định",
	"Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị",
	"Thừa Thiên Huế", "Đà Nẵng", "Quảng Nam", "Quảng Ngãi", "Bình Định",
	"Kon Tum", "Gia Lai", "Phú Yên", "Đắk Lắk", "Khánh Hòa", "Đắk Nông",
	"Ninh Thuận", "Lâm Đồng", "Bình Phước", "Bình Thuận", "Tây Ninh",
	"Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh",
	"Long An", "Tiền Giang", "Đồng Tháp", "Bến Tre", "An Giang", "Vĩnh Long",
	"Trà Vinh", "Cần Thơ", "Hậu Giang", "Kiên Giang", "Sóc Trăng",
	"Bạc Liêu", "Cà Mau",
}

var syl1 = []string{"An", "Bình", "Bảo", "Cẩm", "Cao", "Chí", "Diễn", "Đại", "Đông",
	"Đồng", "Đức", "Gia", "Hà", "Hải", "Hàm", "Hoằng", "Hòa", "Hồng",
	"Hưng", "Hương", "Kim", "Kỳ", "Lạc", "Lam", "Long", "Minh", "Mỹ",
	"Nam", "Nga", "Nghĩa", "Ngọc", "Nhân", "Như", "Phú", "Phúc", "Phong",
	"Quảng", "Quang", "Quế", "Sơn", "Tam", "Tân", "Thạch", "Thái",
	"Thanh", "Thạnh", "Thiệu", "Thọ", "Thuận", "Thường", "Tiên", "Tĩnh",
	"Triệu", "Trung", "Tuy", "Văn", "Vĩnh", "Xuân", "Yên", "Ea", "Mường"}

var syl2 = []string{"An", "Bình", "Châu", "Chính", "Cường", "Đài", "Định", "Đông",
	"Đức", "Giang", "Hà", "Hải", "Hiệp", "Hòa", "Hưng", "Khánh", "Khê",
	"Lâm", "Lập", "Lễ", "Liên", "Linh", "Lộc", "Lợi", "Long", "Lương",
	"Minh", "Mỹ", "Nghĩa", "Ninh", "Phong", "Phú", "Phúc", "Quang",
	"Sơn", "Tài", "Tân", "Thái", "Thành", "Thịnh", "Thọ", "Thủy", "Tiến",
	"Trạch", "Trung", "Trường", "Tường", "Văn", "Vinh", "Xuân", "Yên"}

var (
	family  = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan", "Võ", "Trịnh", "Lương", "Mai"}
	middleM = []string{"Văn", "Đức", "Minh", "Hữu", "Quang", "Xuân", "Thành", "Công"}
	middleF = []string{"Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng", "Phương"}
	givenM  = []string{"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt"}
	givenF  = []string{"Anh", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung", "Phương", "Thảo", "Trang", "Vân", "Yến", "Dung"}
	streets = []string{"Lê Lợi", "Trần Phú", "Quang Trung", "Nguyễn Trãi", "Hùng Vương", "Lý Thường Kiệt", "Hai Bà Trưng", "Phan Chu Trinh", "Lê Duẩn", "Nguyễn Huệ", "Bà Triệu", "Trần Hưng Đạo", "Điện Biên Phủ"}
)

// kind is a family of base products and where it is classified under each
// criteria set: QĐ 148/2023 group and subgroup, and QĐ 1048/2019 group and
// subgroup ("" when the 2019 set had no such group, as for ornamental
// plants: such products are only evaluated from 2023).
type kind struct {
	g148, sg148   string
	g1048, sg1048 string
	unit          string
	weight        int
	bases         []string
	packs         []string
}

var kinds = []kind{
	{"thuc-pham", "rau-cu-qua-hat-tuoi", "thuc-pham", "rau-cu-qua-hat-tuoi", "kg", 14,
		[]string{"Ổi lê Đài Loan", "Bưởi da xanh", "Bưởi Diễn", "Cam đường canh", "Vải thiều", "Nhãn lồng", "Thanh long ruột đỏ", "Chuối tiêu hồng", "Dưa lưới", "Rau an toàn", "Na dai", "Xoài cát", "Mít Thái", "Sầu riêng Ri6", "Măng cụt", "Dừa xiêm", "Khoai lang mật", "Hồng không hạt"},
		[]string{"Thùng carton 10 kg", "Túi lưới 2 kg", "Hộp xốp 5 kg"}},
	{"thuc-pham", "thit-thuy-san-trung-sua-tuoi", "thuc-pham", "thit-trung-sua-tuoi", "kg", 3,
		[]string{"Trứng gà ác", "Trứng vịt biển", "Gà đồi", "Lợn đen bản địa", "Tôm càng xanh", "Sữa bò tươi"},
		[]string{"Hộp 10 quả", "Khay 1 kg", "Túi hút chân không 1 kg"}},
	{"thuc-pham", "gao-ngu-coc", "thuc-pham", "gao-ngu-coc", "kg", 7,
		[]string{"Gạo ST25", "Gạo nếp cái hoa vàng", "Gạo lứt đỏ", "Lạc nhân", "Đậu xanh", "Hạt điều rang muối", "Mộc nhĩ", "Hạt sen sấy", "Vừng đen"},
		[]string{"Túi hút chân không 1 kg", "Túi zip 500 g", "Bao 5 kg", "Hộp giấy 250 g"}},
	{"thuc-pham", "mat-ong-mat-khac", "thuc-pham", "mat-ong", "chai", 4,
		[]string{"Mật ong", "Mật ong bạc hà", "Mật ong hoa nhãn", "Mật ong rừng", "Mật mía"},
		[]string{"Chai thủy tinh 500 ml", "Hũ 250 g", "Chai 1 lít"}},
	{"thuc-pham", "che-bien-tu-gao-ngu-coc", "thuc-pham", "che-bien-tu-gao-ngu-coc", "hộp", 7,
		[]string{"Bánh đa nem", "Bánh gai", "Bánh chưng", "Miến dong", "Bún khô", "Bánh tráng", "Cốm làng Vòng", "Bánh cuốn khô", "Bánh cáy", "Kẹo lạc"},
		[]string{"Hộp giấy 300 g", "Túi 500 g", "Khay 400 g"}},
	{"thuc-pham", "che-bien-tu-rau-cu-qua-hat", "thuc-pham", "che-bien-tu-rau-cu-qua-hat", "hộp", 7,
		[]string{"Chuối sấy dẻo", "Mít sấy", "Mứt gừng", "Kẹo dừa", "Bánh đậu xanh", "Măng khô", "Tỏi đen", "Mơ muối"},
		[]string{"Hộp giấy 200 g", "Túi zip 250 g", "Hũ thủy tinh 300 g"}},
	{"thuc-pham", "che-bien-tu-thit-trung-sua-thuy-san", "thuc-pham", "che-bien-tu-thit-trung-sua", "hộp", 6,
		[]string{"Nem chua", "Giò lụa", "Chả cá", "Lạp xưởng", "Thịt trâu gác bếp", "Ruốc cá", "Tôm khô", "Mực một nắng"},
		[]string{"Túi hút chân không 500 g", "Hộp 300 g", "Khay 1 kg"}},
	{"thuc-pham", "tuong-nuoc-mam-gia-vi-long", "thuc-pham", "tuong-nuoc-mam-gia-vi-long", "chai", 5,
		[]string{"Nước mắm", "Nước mắm cốt", "Tương ớt", "Mắm tôm", "Tương bần", "Mắm tép"},
		[]string{"Chai thủy tinh 500 ml", "Chai nhựa PET 1 lít", "Hũ 200 g"}},
	{"thuc-pham", "gia-vi-khac", "thuc-pham", "gia-vi-khac", "hũ", 4,
		[]string{"Muối chấm", "Muối tôm", "Tỏi cô đơn", "Hạt tiêu", "Ớt bột", "Tinh bột nghệ", "Sa tế"},
		[]string{"Hũ 200 g", "Lọ 100 g", "Túi 500 g"}},
	{"thuc-pham", "che-tuoi-che-bien", "thuc-pham", "che-tuoi-che-bien", "hộp", 6,
		[]string{"Chè xanh", "Chè xanh sạch", "Chè búp", "Chè Shan tuyết", "Chè móc câu", "Hồng trà", "Trà túi lọc"},
		[]string{"Hộp thiếc 100 g", "Túi 200 g", "Hộp giấy 500 g", "Hộp quà 2 x 100 g"}},
	{"thuc-pham", "tra-tu-thuc-vat-khac", "thuc-pham", "san-pham-khac-tu-che-tra", "hộp", 3,
		[]string{"Trà hoa vàng", "Trà sen", "Trà atiso", "Trà gừng", "Trà hoa cúc"},
		[]string{"Hộp 20 túi lọc", "Hộp 100 g", "Túi 250 g"}},
	{"thuc-pham", "ca-phe-ca-cao", "thuc-pham", "ca-phe-ca-cao", "túi", 4,
		[]string{"Cà phê bột", "Cà phê rang xay", "Cà phê nhân", "Ca cao nguyên chất"},
		[]string{"Túi 500 g", "Hộp 250 g", "Túi 1 kg"}},
	{"do-uong", "ruou-trang", "do-uong", "ruou-trang", "chai", 4,
		[]string{"Rượu ngô", "Rượu nếp cái hoa vàng", "Rượu men lá", "Rượu cần"},
		[]string{"Chai thủy tinh 500 ml", "Bình sứ 1 lít", "Chai 750 ml"}},
	{"do-uong", "do-uong-co-con-khac", "do-uong", "do-uong-co-con-khac", "chai", 2,
		[]string{"Rượu sim", "Rượu mơ", "Rượu chuối hột", "Rượu vang nho"},
		[]string{"Chai 500 ml", "Chai 750 ml"}},
	{"do-uong", "do-uong-khong-con", "do-uong", "do-uong-khong-con", "chai", 4,
		[]string{"Nước cốt chanh leo", "Nước ép dứa", "Siro dâu tằm", "Nước yến", "Sữa đậu nành", "Nước cốt gừng"},
		[]string{"Chai 330 ml", "Lon 240 ml", "Hộp 12 chai"}},
	{"duoc-lieu", "tpcn-thuoc-duoc-lieu", "thao-duoc", "tpcn-thuoc-duoc-lieu", "hộp", 3,
		[]string{"Cao atiso", "Tinh bột nghệ nano", "Đông trùng hạ thảo", "Cao lá vối", "Viên hoàn tam thất", "Trà giảo cổ lam", "Nấm linh chi"},
		[]string{"Hộp 60 viên", "Lọ 100 g", "Hộp 30 gói"}},
	{"duoc-lieu", "my-pham-duoc-lieu", "thao-duoc", "my-pham", "chai", 2,
		[]string{"Xà phòng thảo dược", "Dầu gội bồ kết", "Tinh dầu bưởi", "Son dưỡng sáp ong"},
		[]string{"Chai 100 ml", "Bánh 100 g", "Chai 300 ml"}},
	{"duoc-lieu", "tinh-dau-duoc-lieu-khac", "thao-duoc", "thao-duoc-khac", "chai", 3,
		[]string{"Tinh dầu sả chanh", "Tinh dầu tràm", "Tinh dầu quế", "Quế khô", "Hồi khô", "Cà gai leo"},
		[]string{"Chai 10 ml", "Túi 500 g", "Hộp 250 g"}},
	{"thu-cong-my-nghe", "thu-cong-my-nghe-gia-dung-trang-tri", "luu-niem-noi-that-trang-tri", "tcmn-gia-dung", "chiếc", 6,
		[]string{"Chiếu cói", "Nón lá", "Giỏ mây tre đan", "Gốm men lam", "Tranh thêu", "Đồ gỗ mỹ nghệ", "Túi cói", "Đèn lồng", "Đũa tre", "Đồ sơn mài"},
		[]string{"Hộp carton", "Túi vải", "Bộ 5 chiếc"}},
	{"thu-cong-my-nghe", "vai-may-mac", "vai-may-mac", "vai-may-mac", "chiếc", 2,
		[]string{"Thổ cẩm", "Lụa tơ tằm", "Khăn dệt thổ cẩm", "Áo dài lụa", "Khăn lụa"},
		[]string{"Hộp quà", "Túi vải", "Cuộn 20 m"}},
	{"sinh-vat-canh", "hoa", "", "", "chậu", 1,
		[]string{"Hoa lan hồ điệp", "Hoa đào", "Hoa cúc", "Hoa hồng"},
		[]string{"Chậu sứ", "Bó 10 cành"}},
	{"sinh-vat-canh", "cay-canh", "", "", "chậu", 1,
		[]string{"Quất cảnh", "Bonsai", "Mai vàng"},
		[]string{"Chậu sứ", "Chậu xi măng"}},
	{"du-lich", "du-lich-cong-dong-sinh-thai", "du-lich", "du-lich-cong-dong", "lượt", 2,
		[]string{"Du lịch cộng đồng bản", "Homestay", "Làng nghề truyền thống", "Khu du lịch sinh thái", "Điểm du lịch nông nghiệp"},
		[]string{"Gói trải nghiệm 1 ngày", "Gói 2 ngày 1 đêm"}},
}

var qualifiers = []string{"", "", "", "", "hữu cơ", "đặc biệt", "truyền thống", "loại 1", "cao cấp", "sạch"}

var standards = []string{"VietGAP", "GlobalGAP", "ISO 22000:2018", "HACCP", "ISO 9001:2015", "Hữu cơ TCVN 11041", "TCCS", "Chứng nhận cơ sở đủ điều kiện ATTP"}

var tags = []string{"đặc sản", "quà tặng", "nông sản sạch", "hàng Việt", "làng nghề", "xuất khẩu", "sản phẩm mới", "hữu cơ", "vùng cao", "ven biển", "truyền thống", "du lịch"}

var nameEN = map[string]string{
	"Chè xanh": "green tea", "Chè xanh sạch": "clean green tea", "Nước mắm": "fish sauce", "Nước mắm cốt": "first-press fish sauce",
	"Mật ong": "honey", "Gạo ST25": "ST25 rice", "Muối chấm": "dipping salt", "Ổi lê Đài Loan": "Taiwanese pear guava",
	"Bưởi da xanh": "green-skin pomelo", "Tinh dầu sả chanh": "lemongrass essential oil", "Chiếu cói": "sedge mat",
	"Nón lá": "conical hat", "Rượu ngô": "corn liquor", "Cà phê bột": "ground coffee", "Miến dong": "arrowroot vermicelli", "Nem chua": "fermented pork roll",
}

var storyIntro = []string{
	"{name} là sản phẩm của {producer}, được sản xuất tại {commune}, {district}, tỉnh {province}.",
	"Từ nhiều đời nay, người dân {cshort} đã gắn bó với nghề làm {base}, truyền từ đời ông bà sang con cháu.",
	"Vùng đất {cshort} có khí hậu ôn hòa, thổ nhưỡng màu mỡ và nguồn nước sạch, rất thích hợp để phát triển {base}.",
	"Năm {year}, {producer} được thành lập với mong muốn đưa {base} của quê hương đến với người tiêu dùng trong và ngoài tỉnh.",
	"Trước đây, {base} chủ yếu được bán lẻ ở chợ phiên, giá cả bấp bênh và phụ thuộc nhiều vào thương lái.",
	"Nhờ tham gia Chương trình Mỗi xã một sản phẩm (OCOP), sản phẩm đã được đầu tư bài bản từ khâu nguyên liệu đến bao bì, nhãn mác.",
	"Sản phẩm gắn với câu chuyện về những người nông dân {cshort} cần cù, sáng tạo, luôn giữ gìn bí quyết làm nghề của cha ông.",
}

var storyProcess = []string{
	"Nguyên liệu được tuyển chọn kỹ lưỡng từ các hộ thành viên, không sử dụng thuốc bảo vệ thực vật ngoài danh mục cho phép.",
	"Toàn bộ quy trình sản xuất tuân thủ tiêu chuẩn {standard}, có sổ ghi chép và truy xuất nguồn gốc rõ ràng.",
	"Mỗi công đoạn đều được kiểm soát chặt chẽ, từ sơ chế, chế biến đến đóng gói và bảo quản.",
	"Cơ sở đã đầu tư máy móc hiện đại, kết hợp với kinh nghiệm thủ công truyền thống để giữ được hương vị đặc trưng.",
	"Sản phẩm được kiểm nghiệm định kỳ tại trung tâm kiểm nghiệm của tỉnh, đạt các chỉ tiêu an toàn thực phẩm theo quy định.",
	"Các hộ thành viên được tập huấn kỹ thuật canh tác, thu hoạch đúng thời vụ để bảo đảm chất lượng đồng đều.",
}

var storySteps = []string{"Thu hái, tuyển chọn nguyên liệu", "Sơ chế và làm sạch", "Chế biến theo công thức truyền thống",
	"Phơi, sấy hoặc ủ men", "Kiểm tra chất lượng từng lô", "Đóng gói, dán tem truy xuất nguồn gốc", "Bảo quản trong kho khô ráo, thoáng mát"}

var storyUse = []string{
	"{name} có hương vị đặc trưng, màu sắc tự nhiên, được nhiều khách hàng tin dùng.",
	"Sản phẩm thích hợp làm quà biếu trong các dịp lễ, Tết và cho khách du lịch khi về thăm {cshort}.",
	"Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp; sau khi mở bao bì nên dùng hết trong thời gian ngắn.",
	"Hiện sản phẩm đã có mặt tại các điểm giới thiệu và bán sản phẩm OCOP, siêu thị và trên các sàn thương mại điện tử.",
	"Mỗi năm, cơ sở cung ứng ra thị trường hàng chục tấn sản phẩm, tạo việc làm thường xuyên cho nhiều lao động địa phương.",
	"Trong thời gian tới, {producer} tiếp tục mở rộng vùng nguyên liệu và đa dạng hóa mẫu mã để nâng hạng sản phẩm.",
	"Khách hàng có thể quét mã QR trên bao bì để tra cứu thông tin về nguồn gốc, quy trình sản xuất và chứng nhận của sản phẩm.",
}

var newsTitles = []string{
	"Hội đồng đánh giá, phân hạng sản phẩm OCOP {district} năm {year}",
	"{count} sản phẩm của {district} được công nhận đạt chuẩn OCOP",
	"Khai trương điểm giới thiệu và bán sản phẩm OCOP tại {commune}",
	"Tập huấn nâng cao năng lực cho chủ thể OCOP tỉnh {province}",
	"Hội chợ sản phẩm OCOP và hàng nông sản {province} năm {year}",
	"{pname}: hành trình từ nông sản địa phương đến sản phẩm OCOP {star} sao",
	"Kết nối tiêu thụ sản phẩm OCOP trên sàn thương mại điện tử",
	"Sơ kết 6 tháng đầu năm {year} Chương trình OCOP tỉnh {province}",
	"{province}: đẩy mạnh quảng bá sản phẩm OCOP gắn với du lịch",
	"Nâng hạng sản phẩm OCOP: hướng đi bền vững cho kinh tế nông thôn {district}",
	"Tổng kết Chương trình Mỗi xã một sản phẩm tỉnh {province} năm {year}",
	"Hỗ trợ thiết kế bao bì, nhãn mác cho sản phẩm OCOP {district}",
}

var newsParas = []string{
	"Ngày {day}, {org} đã tổ chức hội nghị đánh giá, phân hạng sản phẩm OCOP năm {year}. Tham dự hội nghị có đại diện các phòng, ban chuyên môn, lãnh đạo các xã và các chủ thể có sản phẩm tham gia đánh giá.",
	"Theo báo cáo, từ khi triển khai Chương trình Mỗi xã một sản phẩm, toàn {area} đã có {count} sản phẩm được công nhận đạt chuẩn OCOP từ 3 sao trở lên, trong đó có nhiều sản phẩm đạt 4 sao.",
	"Các sản phẩm tham gia đánh giá lần này thuộc nhiều nhóm khác nhau như thực phẩm, đồ uống, thảo dược và thủ công mỹ nghệ, thể hiện thế mạnh và bản sắc riêng của từng địa phương.",
	"Hội đồng đã chấm điểm từng sản phẩm theo bộ tiêu chí quốc gia, gồm ba phần: sản phẩm và sức mạnh cộng đồng, khả năng tiếp thị, chất lượng sản phẩm.",
	"Phát biểu tại hội nghị, đại diện lãnh đạo {org} đề nghị các chủ thể tiếp tục đầu tư nâng cao chất lượng, hoàn thiện hồ sơ truy xuất nguồn gốc và chú trọng xây dựng câu chuyện sản phẩm.",
	"Sản phẩm {pname} của {producer} là một trong những sản phẩm tiêu biểu, được người tiêu dùng đánh giá cao nhờ chất lượng ổn định và mẫu mã bắt mắt.",
	"Điểm giới thiệu và bán sản phẩm OCOP được bố trí tại vị trí thuận lợi, trưng bày hàng trăm sản phẩm của các địa phương trong tỉnh, phục vụ người dân và du khách.",
	"Thông qua chương trình, nhiều hợp tác xã đã mạnh dạn đổi mới công nghệ, liên kết với nông dân để hình thành vùng nguyên liệu ổn định, góp phần nâng cao thu nhập cho người lao động.",
	"Bên cạnh những kết quả đạt được, việc triển khai chương trình vẫn còn một số khó khăn như quy mô sản xuất nhỏ, khả năng tiếp cận thị trường hạn chế và nguồn lực đầu tư chưa nhiều.",
	"Thời gian tới, {org} sẽ tiếp tục hỗ trợ các chủ thể tham gia hội chợ, triển lãm, kết nối tiêu thụ qua các kênh thương mại điện tử và chuỗi siêu thị.",
	"Nhiều sản phẩm OCOP đã có mặt tại các hệ thống phân phối lớn, một số sản phẩm bước đầu xuất khẩu sang thị trường Nhật Bản, Hàn Quốc và châu Âu.",
	"Lớp tập huấn trang bị cho học viên kiến thức về xây dựng kế hoạch kinh doanh, quản lý chất lượng, thiết kế bao bì và kỹ năng bán hàng trực tuyến.",
}

var newsQuotes = []string{
	"Chương trình OCOP đã giúp bà con yên tâm sản xuất, sản phẩm có đầu ra ổn định và giá bán cao hơn trước.",
	"Chúng tôi sẽ tiếp tục đầu tư để sản phẩm đạt 4 sao, hướng tới thị trường xuất khẩu.",
	"Mỗi sản phẩm OCOP là một đại sứ văn hóa của địa phương.",
}

// Phrase slots for filler sentences: thousands of combinations, so stories
// and articles have a realistic spread of word sequences (search index
// sizes depend on it).
var (
	fTime = []string{"Trong những năm gần đây", "Từ năm {year}", "Thời gian qua", "Những năm trước đây", "Hiện nay", "Sau nhiều năm tìm tòi", "Mỗi vụ thu hoạch", "Vào mùa cao điểm", "Bên cạnh đó", "Đặc biệt", "Năm {year2}", "Sau khi được công nhận OCOP"}
	fSubj = []string{"bà con nông dân", "các hộ thành viên", "cán bộ khuyến nông", "chủ thể sản xuất", "hợp tác xã", "người dân địa phương", "các thành viên tổ hợp tác", "chính quyền xã", "doanh nghiệp liên kết", "hội phụ nữ thôn", "thanh niên khởi nghiệp", "nghệ nhân làng nghề", "các chuyên gia", "ngành nông nghiệp huyện", "ban quản trị", "đoàn thanh niên"}
	fVerb = []string{"đã chủ động", "từng bước", "tích cực", "kiên trì", "mạnh dạn", "không ngừng", "thường xuyên", "đang tập trung", "đã phối hợp để", "luôn chú trọng", "quyết tâm", "bắt đầu"}
	fAct  = []string{"cải tiến quy trình sản xuất", "mở rộng diện tích trồng", "đầu tư máy móc thiết bị", "áp dụng khoa học kỹ thuật", "xây dựng thương hiệu", "thiết kế bao bì mới", "tìm kiếm thị trường tiêu thụ", "liên kết với doanh nghiệp bao tiêu", "đăng ký nhãn hiệu tập thể", "nâng cao chất lượng sản phẩm", "tham gia hội chợ xúc tiến thương mại", "ứng dụng chuyển đổi số", "bán hàng qua mạng xã hội", "chuẩn hóa hồ sơ truy xuất nguồn gốc", "bảo tồn giống cây bản địa", "phát triển du lịch trải nghiệm", "giữ gìn nghề truyền thống", "đào tạo lao động trẻ", "xây dựng nhà xưởng đạt chuẩn", "cải tạo vườn tạp", "trồng xen canh cây dược liệu", "lắp đặt hệ thống tưới nhỏ giọt", "sử dụng phân bón hữu cơ vi sinh", "làm kho lạnh bảo quản"}
	fGoal = []string{"nhằm nâng cao giá trị gia tăng", "để đáp ứng yêu cầu ngày càng cao của thị trường", "góp phần tăng thu nhập cho người dân", "hướng tới thị trường xuất khẩu", "nhằm bảo vệ môi trường sinh thái", "để giữ vững uy tín với khách hàng", "gắn với xây dựng nông thôn mới nâng cao", "nhằm phát huy lợi thế của địa phương", "để sản phẩm đứng vững trên thị trường", "góp phần quảng bá hình ảnh quê hương", "giúp giảm chi phí, tăng năng suất", "tạo sinh kế bền vững cho đồng bào"}
	fDet  = []string{"sản lượng đạt khoảng {qty} tấn mỗi năm", "doanh thu bình quân đạt {rev} tỷ đồng mỗi năm", "tạo việc làm thường xuyên cho {jobs} lao động", "thu nhập của người lao động đạt {inc} triệu đồng mỗi tháng", "diện tích vùng nguyên liệu đã đạt {ha} héc-ta", "sản phẩm đã có mặt tại {provn} tỉnh, thành phố", "giá bán tăng khoảng {pct}% so với trước", "mỗi tháng cung ứng ra thị trường hàng nghìn sản phẩm"}
)
