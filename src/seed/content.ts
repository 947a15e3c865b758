/**
 * The demo newsroom: categories, authors, illustrations and articles written for this project
 * in the shape of a provincial portal's news (title, lead with the portal's source tag, body with
 * captioned images, byline). Places and people are fictional.
 */
import type { Palette } from './images'

export const categories = [
  { slug: 'thoi-su', name: 'Thời sự', nameEn: 'News', order: 1 },
  { slug: 'kinh-te', name: 'Kinh tế', nameEn: 'Economy', order: 2 },
  { slug: 'van-hoa-xa-hoi', name: 'Văn hóa - Xã hội', nameEn: 'Culture and society', order: 3 },
  { slug: 'cai-cach-hanh-chinh', name: 'Cải cách hành chính', nameEn: 'Administrative reform', order: 4 },
  { slug: 'chuyen-doi-so', name: 'Chuyển đổi số', nameEn: 'Digital transformation', order: 5 },
] as const

export const authors = [
  { slug: 'minh-chau', name: 'Minh Châu', bio: 'Phóng viên mảng thời sự, chính trị.' },
  { slug: 'thanh-tung', name: 'Thanh Tùng', bio: 'Phóng viên mảng kinh tế, nông nghiệp.' },
  { slug: 'ngoc-han', name: 'Ngọc Hân', bio: 'Biên tập viên mảng văn hóa - xã hội.' },
] as const

type ImageSpec = { filename: string; alt: string; caption: string; palette: Palette }

export const images: ImageSpec[] = [
  {
    filename: 'hoi-nghi-thi-dua.jpg',
    alt: 'Hội trường lớn nơi diễn ra hội nghị tổng kết thi đua',
    caption: 'Quang cảnh hội nghị tổng kết công tác thi đua, khen thưởng năm 2025 của Khối thi đua số 3',
    palette: { sky: ['#8ec5ff', '#e0f0ff'], hills: ['#4f9d4f', '#2e6b36'], accent: '#b3141b', scene: 'hall' },
  },
  {
    filename: 'trao-co-thi-dua.jpg',
    alt: 'Đại diện các đơn vị nhận cờ thi đua trên sân khấu',
    caption: 'Khối trưởng năm 2025 trao cờ luân lưu cho đơn vị đảm nhiệm khối trưởng năm 2026',
    palette: { sky: ['#ffb88c', '#ffe3c2'], hills: ['#6a994e', '#386641'], accent: '#c1121f', scene: 'hall' },
  },
  {
    filename: 'mot-cua-so-hoa.jpg',
    alt: 'Dãy nhà làm việc của Trung tâm phục vụ hành chính công',
    caption: 'Trung tâm phục vụ hành chính công tỉnh tiếp nhận hồ sơ trực tuyến toàn trình',
    palette: { sky: ['#a1c4fd', '#c2e9fb'], hills: ['#7fb77e', '#3f7d58'], accent: '#1d4e89', scene: 'city' },
  },
  {
    filename: 'vuon-dieu.jpg',
    alt: 'Vườn điều xanh tốt trên đồi thấp',
    caption: 'Vườn điều áp dụng quy trình canh tác hữu cơ tại huyện Đồng Phú',
    palette: { sky: ['#fddb92', '#d1fdff'], hills: ['#8fbc5a', '#4d7c2f'], accent: '#3b7d23', scene: 'field' },
  },
  {
    filename: 'khu-cong-nghiep.jpg',
    alt: 'Nhà xưởng trong khu công nghiệp nhìn từ trên cao',
    caption: 'Nhà xưởng xây sẵn tại khu công nghiệp phía nam tỉnh đã kín chỗ thuê',
    palette: { sky: ['#cfd9df', '#e2ebf0'], hills: ['#93a5a1', '#5d7370'], accent: '#44546a', scene: 'city' },
  },
  {
    filename: 'le-hoi-van-hoa.jpg',
    alt: 'Sân khấu ngoài trời của ngày hội văn hóa các dân tộc',
    caption: 'Các đội văn nghệ biểu diễn tại Ngày hội văn hóa các dân tộc tỉnh',
    palette: { sky: ['#f6d365', '#fda085'], hills: ['#a3b18a', '#588157'], accent: '#9d0208', scene: 'hall' },
  },
  {
    filename: 'lop-hoc-so.jpg',
    alt: 'Trường học có phòng máy tính mới',
    caption: 'Học sinh vùng sâu học tập với phòng máy tính được trang bị từ chương trình chuyển đổi số',
    palette: { sky: ['#84fab0', '#8fd3f4'], hills: ['#90be6d', '#43aa8b'], accent: '#277da1', scene: 'city' },
  },
  {
    filename: 'tiem-chung.jpg',
    alt: 'Trạm y tế xã trong buổi sáng đông người đến khám',
    caption: 'Trạm y tế xã tổ chức khám sức khỏe định kỳ cho người cao tuổi',
    palette: { sky: ['#e0c3fc', '#8ec5fc'], hills: ['#76c893', '#34a0a4'], accent: '#1a759f', scene: 'city' },
  },
]

type BodyPart = { p: string } | { image: string; caption?: string }

export type DemoArticle = {
  slug: string
  title: string
  lead: string
  category: (typeof categories)[number]['slug']
  otherCategories?: (typeof categories)[number]['slug'][]
  hero: string
  heroCaption?: string
  body: BodyPart[]
  byline: string
  author?: (typeof authors)[number]['slug']
  tags: string[]
  hoursAgo: number
  status?: 'draft' | 'published'
  en?: { title: string; lead: string; body: string[] }
}

export const articles: DemoArticle[] = [
  {
    slug: 'thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so',
    title: 'Thi đua, tạo đột phá về cải cách hành chính gắn với chuyển đổi số',
    lead: '(CTTĐT) - Đó là yêu cầu của Phó Chủ tịch UBND tỉnh tại hội nghị tổng kết giao ước thi đua năm 2025 và ký kết giao ước thi đua năm 2026 của Khối thi đua số 3, diễn ra chiều nay.',
    category: 'cai-cach-hanh-chinh',
    otherCategories: ['thoi-su', 'chuyen-doi-so'],
    hero: 'hoi-nghi-thi-dua.jpg',
    body: [
      { p: 'Khối thi đua số 3 gồm 9 đơn vị: Sở Khoa học và Công nghệ, Sở Y tế, Sở Giáo dục và Đào tạo, Sở Văn hóa, Thể thao và Du lịch, Ban Dân tộc tỉnh, Đài Phát thanh - Truyền hình tỉnh, Báo tỉnh, Trường Cao đẳng tỉnh và Sở Nội vụ.' },
      { image: 'trao-co-thi-dua.jpg' },
      { p: 'Năm 2025, các đơn vị trong khối đã hoàn thành các chỉ tiêu phát triển văn hóa, xã hội được giao. Công tác thông tin, tuyên truyền các nhiệm vụ chính trị, sự kiện lớn của tỉnh được thực hiện thường xuyên trên các loại hình báo chí và nền tảng số. Nhiều nhiệm vụ khoa học và công nghệ cấp tỉnh được nghiệm thu và đưa vào ứng dụng trong sản xuất.' },
      { p: 'Lĩnh vực giáo dục và đào tạo có nhiều chuyển biến tích cực; tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt trên 98%. Công tác khám, chữa bệnh bảo đảm chuyên môn và y đức; hồ sơ sức khỏe điện tử được triển khai tại toàn bộ trạm y tế xã.' },
      { image: 'mot-cua-so-hoa.jpg', caption: 'Người dân nộp hồ sơ trực tuyến tại Trung tâm phục vụ hành chính công tỉnh' },
      { p: 'Phát biểu chỉ đạo hội nghị, Phó Chủ tịch UBND tỉnh đề nghị các đơn vị tiếp tục đổi mới nội dung, hình thức thi đua, bám sát nhiệm vụ chính trị của từng đơn vị. Khối phải tạo bước đột phá về cải cách hành chính gắn với chuyển đổi số, với mục tiêu cụ thể, đo lường được trong từng đơn vị.' },
      { p: 'Dịp này, các thành viên trong khối đã ký kết giao ước thi đua năm 2026 và bầu Sở Y tế làm khối trưởng, Ban Dân tộc tỉnh làm khối phó./.' },
    ],
    byline: 'Theo Đài PT-TH tỉnh',
    author: 'minh-chau',
    tags: ['thi đua khen thưởng', 'cải cách hành chính', 'chuyển đổi số'],
    hoursAgo: 3,
    en: {
      title: 'Emulation drive to make a breakthrough in administrative reform and digital transformation',
      lead: '(Portal) - The provincial vice chairwoman asked member agencies of Emulation Group No. 3 to link administrative reform with digital transformation at the group’s annual review this afternoon.',
      body: [
        'Emulation Group No. 3 brings together nine provincial agencies in science, health, education, culture, ethnic affairs, the press and home affairs.',
        'In 2025 the group met its social and cultural targets, and every commune health station now keeps electronic health records.',
        'For 2026 the member agencies signed a new emulation pledge with measurable goals for online public services.',
      ],
    },
  },
  {
    slug: 'hon-95-ho-so-thu-tuc-hanh-chinh-duoc-giai-quyet-truc-tuyen',
    title: 'Hơn 95% hồ sơ thủ tục hành chính được giải quyết trực tuyến',
    lead: '(CTTĐT) - Sau 10 tháng triển khai dịch vụ công trực tuyến toàn trình, tỷ lệ hồ sơ nộp và trả kết quả qua mạng của tỉnh đạt hơn 95%, vượt chỉ tiêu đề ra.',
    category: 'cai-cach-hanh-chinh',
    otherCategories: ['chuyen-doi-so'],
    hero: 'mot-cua-so-hoa.jpg',
    heroCaption: 'Cán bộ Trung tâm phục vụ hành chính công hướng dẫn người dân sử dụng dịch vụ công trực tuyến',
    body: [
      { p: 'Theo Văn phòng UBND tỉnh, từ đầu năm đến nay, hệ thống thông tin giải quyết thủ tục hành chính của tỉnh đã tiếp nhận hơn 412.000 hồ sơ, trong đó hơn 392.000 hồ sơ được nộp trực tuyến. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,2%.' },
      { p: 'Nhiều thủ tục có số lượng hồ sơ lớn như cấp phiếu lý lịch tư pháp, đăng ký hộ kinh doanh, cấp giấy phép xây dựng nhà ở riêng lẻ đã được thực hiện hoàn toàn trên môi trường mạng. Người dân có thể thanh toán phí, lệ phí trực tuyến và nhận kết quả bản điện tử có giá trị pháp lý.' },
      { image: 'lop-hoc-so.jpg', caption: 'Đoàn viên thanh niên hỗ trợ người dân cài đặt và sử dụng ứng dụng định danh điện tử' },
      { p: 'Để duy trì kết quả, tỉnh tiếp tục rà soát, cắt giảm thành phần hồ sơ, tái sử dụng dữ liệu đã số hóa và mở rộng mô hình tổ công nghệ số cộng đồng tại các khu dân cư./.' },
    ],
    byline: 'Thanh Tùng',
    author: 'thanh-tung',
    tags: ['dịch vụ công trực tuyến', 'cải cách hành chính'],
    hoursAgo: 26,
    en: {
      title: 'Over 95% of administrative procedures are now handled online',
      lead: '(Portal) - Ten months after fully online public services were launched, more than 95% of applications in the province are filed and returned online.',
      body: [
        'Since January the province’s system has received more than 412,000 applications, over 392,000 of them online; 99.2% were settled on time.',
        'The province will keep trimming paperwork and reusing digitised records.',
      ],
    },
  },
  {
    slug: 'cay-dieu-huu-co-mo-huong-xuat-khau-moi',
    title: 'Cây điều hữu cơ mở hướng xuất khẩu mới cho nông dân',
    lead: '(CTTĐT) - Hơn 2.000 ha điều của tỉnh đã được cấp chứng nhận hữu cơ, giúp giá bán hạt điều thô cao hơn 15 - 20% so với điều canh tác thông thường.',
    category: 'kinh-te',
    hero: 'vuon-dieu.jpg',
    body: [
      { p: 'Tại huyện Đồng Phú, hợp tác xã nông nghiệp dịch vụ Tân Lợi đang liên kết với 126 hộ dân chuyển đổi sang canh tác điều hữu cơ. Các hộ không sử dụng phân bón hóa học, thuốc bảo vệ thực vật và ghi chép nhật ký đồng ruộng điện tử để truy xuất nguồn gốc.' },
      { p: 'Ông Lê Văn Hòa, một thành viên hợp tác xã, cho biết năng suất năm đầu có giảm nhưng từ năm thứ ba đã ổn định, trong khi giá bán cao hơn và đầu ra được doanh nghiệp bao tiêu theo hợp đồng.' },
      { image: 'khu-cong-nghiep.jpg', caption: 'Nhà máy chế biến hạt điều xuất khẩu trong khu công nghiệp của tỉnh' },
      { p: 'Sở Nông nghiệp và Môi trường cho biết tỉnh đặt mục tiêu đến năm 2030 có 10.000 ha điều đạt chứng nhận hữu cơ, gắn với xây dựng thương hiệu điều của tỉnh trên thị trường quốc tế./.' },
    ],
    byline: 'Thanh Tùng',
    author: 'thanh-tung',
    tags: ['nông nghiệp', 'cây điều', 'xuất khẩu'],
    hoursAgo: 50,
  },
  {
    slug: 'thu-hut-dau-tu-vao-cac-khu-cong-nghiep-tang-manh',
    title: 'Thu hút đầu tư vào các khu công nghiệp tăng mạnh',
    lead: '(CTTĐT) - Từ đầu năm, các khu công nghiệp trên địa bàn tỉnh đã thu hút thêm 38 dự án với tổng vốn đăng ký gần 1 tỷ USD, tăng 27% so với cùng kỳ.',
    category: 'kinh-te',
    otherCategories: ['thoi-su'],
    hero: 'khu-cong-nghiep.jpg',
    body: [
      { p: 'Theo Ban Quản lý các khu kinh tế tỉnh, các dự án mới tập trung vào chế biến nông sản, sản xuất linh kiện điện tử và vật liệu mới. Tỷ lệ lấp đầy bình quân của các khu công nghiệp đang hoạt động đạt 78%.' },
      { p: 'Tỉnh đã hoàn thành giải phóng mặt bằng tuyến đường kết nối các khu công nghiệp với cao tốc, rút ngắn thời gian vận chuyển hàng hóa ra cảng biển.' },
      { p: 'Lãnh đạo Ban Quản lý cho biết sẽ tiếp tục cải thiện môi trường đầu tư, giải quyết thủ tục cho nhà đầu tư theo cơ chế một cửa liên thông, ưu tiên các dự án công nghệ cao, thân thiện môi trường./.' },
    ],
    byline: 'Theo Báo tỉnh',
    tags: ['đầu tư', 'khu công nghiệp'],
    hoursAgo: 75,
  },
  {
    slug: 'ngay-hoi-van-hoa-cac-dan-toc-nam-2026',
    title: 'Rực rỡ sắc màu Ngày hội văn hóa các dân tộc năm 2026',
    lead: '(CTTĐT) - Hơn 600 diễn viên, nghệ nhân của 11 huyện, thị xã, thành phố tham gia Ngày hội văn hóa các dân tộc tỉnh lần thứ VIII, khai mạc tối qua tại Quảng trường tỉnh.',
    category: 'van-hoa-xa-hoi',
    hero: 'le-hoi-van-hoa.jpg',
    body: [
      { p: 'Ngày hội gồm các hoạt động trình diễn trang phục truyền thống, thi đánh cồng chiêng, tái hiện lễ hội mừng lúa mới của đồng bào S’tiêng, M’nông và trưng bày sản phẩm thổ cẩm, ẩm thực đặc trưng.' },
      { image: 'le-hoi-van-hoa.jpg', caption: 'Nghệ nhân người S’tiêng trình diễn cồng chiêng tại đêm khai mạc' },
      { p: 'Ban Tổ chức cho biết ngày hội là dịp tôn vinh, bảo tồn và phát huy giá trị văn hóa truyền thống, đồng thời quảng bá hình ảnh vùng đất, con người của tỉnh tới du khách trong và ngoài nước./.' },
    ],
    byline: 'Ngọc Hân',
    author: 'ngoc-han',
    tags: ['văn hóa', 'dân tộc thiểu số', 'lễ hội'],
    hoursAgo: 98,
  },
  {
    slug: 'phong-may-tinh-cho-truong-hoc-vung-sau',
    title: 'Trao tặng 40 phòng máy tính cho trường học vùng sâu, vùng xa',
    lead: '(CTTĐT) - Chương trình “Lớp học số” vừa bàn giao 40 phòng máy tính cho các trường tiểu học và trung học cơ sở ở các xã biên giới của tỉnh.',
    category: 'chuyen-doi-so',
    otherCategories: ['van-hoa-xa-hoi'],
    hero: 'lop-hoc-so.jpg',
    body: [
      { p: 'Mỗi phòng máy gồm 25 máy tính, thiết bị mạng và phần mềm học tập bản quyền, được kết nối Internet cáp quang. Giáo viên các trường được tập huấn khai thác học liệu số và quản lý lớp học trực tuyến.' },
      { p: 'Cô Trần Thị Lan, Hiệu trưởng một trường tiểu học ở xã biên giới, chia sẻ: “Các em đã có thể học tin học đúng chương trình, không phải học chung máy như trước”.' },
      { p: 'Sở Giáo dục và Đào tạo cho biết sẽ tiếp tục vận động nguồn lực xã hội hóa để bảo đảm 100% trường học có phòng máy tính đạt chuẩn vào năm 2027./.' },
    ],
    byline: 'Minh Châu',
    author: 'minh-chau',
    tags: ['giáo dục', 'chuyển đổi số'],
    hoursAgo: 130,
  },
  {
    slug: 'kham-suc-khoe-mien-phi-cho-nguoi-cao-tuoi',
    title: 'Khám sức khỏe miễn phí cho hơn 5.000 người cao tuổi',
    lead: '(CTTĐT) - Hưởng ứng Tháng hành động vì người cao tuổi, ngành y tế tỉnh tổ chức khám, tư vấn và cấp thuốc miễn phí cho người cao tuổi tại 30 xã, phường.',
    category: 'van-hoa-xa-hoi',
    hero: 'tiem-chung.jpg',
    body: [
      { p: 'Các đoàn khám gồm bác sĩ chuyên khoa tim mạch, nội tiết, mắt và cơ xương khớp của bệnh viện tuyến tỉnh. Kết quả khám được cập nhật vào hồ sơ sức khỏe điện tử để theo dõi lâu dài.' },
      { p: 'Những trường hợp phát hiện bệnh lý được tư vấn điều trị, chuyển tuyến kịp thời theo quy định của bảo hiểm y tế./.' },
    ],
    byline: 'Theo Sở Y tế',
    tags: ['y tế', 'người cao tuổi'],
    hoursAgo: 170,
  },
  {
    slug: 'ban-nhap-ke-hoach-chuyen-doi-so-cap-xa',
    title: 'Kế hoạch chuyển đổi số cấp xã giai đoạn 2026 - 2030 (bản nháp)',
    lead: '(CTTĐT) - Bản nháp đang chờ biên tập viên duyệt.',
    category: 'chuyen-doi-so',
    hero: 'mot-cua-so-hoa.jpg',
    body: [{ p: 'Nội dung đang được phóng viên hoàn thiện.' }],
    byline: 'Minh Châu',
    author: 'minh-chau',
    tags: ['chuyển đổi số'],
    hoursAgo: 1,
    status: 'draft',
  },
]

export const site = {
  portalName: 'Cổng thông tin điện tử tỉnh Bình Phước',
  portalNameEn: 'Binh Phuoc Provincial Web Portal',
  agencyName: 'Ủy ban nhân dân tỉnh Bình Phước',
  agencyNameEn: "Binh Phuoc Provincial People's Committee",
  responsiblePerson: 'Chánh Văn phòng UBND tỉnh',
  address: 'Số 1 đường Trần Hưng Đạo, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước',
  addressEn: '1 Tran Hung Dao Street, Tan Phu Ward, Dong Xoai City, Binh Phuoc Province',
  phone: '0271 3879 000',
  email: 'congthongtin@example.gov.vn',
  licence: 'Giấy phép thiết lập trang thông tin điện tử tổng hợp (dữ liệu mẫu).',
}

/** The sidebar as on the reference page: services as banners, then the province's apps. */
export const serviceLinks = [
  {
    title: '',
    links: [
      { title: 'Việc làm Bình Phước', url: 'https://binhphuoc.gov.vn', banner: ['#0b6e4f', '#2fa36b'] },
      { title: 'Công báo Chính phủ', url: 'https://congbao.chinhphu.vn', banner: ['#8c0f15', '#d1343b'] },
      { title: 'DVC Quốc gia', url: 'https://dichvucong.gov.vn', banner: ['#0a4a9c', '#3a7bd5'] },
      { title: 'Ecom Binh Phuoc', url: 'https://binhphuoc.gov.vn', banner: ['#b35c00', '#f29d38'] },
    ],
  },
  {
    title: 'ỨNG DỤNG',
    titleEn: 'APPLICATIONS',
    links: ['bp today', 'dhtn', 'ioffice', 'congbao', 'Portal_Ispeed', 'sổ tay đảng viên', 'Tạp chí', 'KQ TTHC'].map((title) => ({
      title,
      url: 'https://binhphuoc.gov.vn',
    })),
  },
] as const
