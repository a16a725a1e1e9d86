// web: the viewer's own UI strings in Chinese and English (pack text comes from the pages and data files)

const STRINGS = {
  zh: {
    zoomIn: '放大', zoomOut: '缩小', zoomHome: '复位', fullscreen: '全屏', exitFullscreen: '退出全屏',
    zoomRegion: '可缩放图像：{title}。用 + / − 缩放，方向键平移，0 复位。',
    zoomFailed: '无法加载高清图像，显示的是缩略图。',
    searchLoading: '正在搜索…', searchNone: '没有找到与“{q}”相关的结果。',
    searchCount: '找到 {n} 条与“{q}”相关的结果。', searchEmpty: '请输入要搜索的词。',
    searchFailed: '搜索暂时不可用。', reference: '档号', searchMore: '显示更多（还有 {n} 条）',
    quizChooseBank: '选择题库', quizQuestions: '{n} 道题',
    quizStart: '开始答题', quizCount: '题数', quizQuestionOf: '第 {i} 题 / 共 {n} 题',
    quizSubmit: '提交答案', quizNext: '下一题', quizFinish: '查看成绩', quizAgain: '再玩一次',
    quizBanks: '返回题库列表', quizCorrect: '回答正确！', quizWrong: '回答错误。',
    quizPartial: '部分正确（得 {p} 分）。', quizCorrectAnswer: '正确答案', quizYourAnswer: '你的选择',
    quizExplanation: '解析：', quizSeeItem: '查看相关档案', quizScore: '得分：{s} / {n}',
    quizScoreDetail: '答对 {c} 题，共 {n} 题。', quizMultipleHint: '（多选题：选出所有正确答案）',
    quizTrue: '正确', quizFalse: '错误', quizLoadFailed: '题库加载失败。', quizPickOne: '请先选择答案。',
    subtitles: '字幕',
  },
  en: {
    zoomIn: 'Zoom in', zoomOut: 'Zoom out', zoomHome: 'Reset view', fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    zoomRegion: 'Zoomable image: {title}. Use + / − to zoom, arrow keys to pan, 0 to reset.',
    zoomFailed: 'The high-resolution image could not be loaded; showing the thumbnail.',
    searchLoading: 'Searching…', searchNone: 'Nothing found for “{q}”.',
    searchCount: '{n} results for “{q}”.', searchEmpty: 'Type a word to search for.',
    searchFailed: 'Search is not available right now.', reference: 'Reference code',
    searchMore: 'Show more ({n} left)',
    quizChooseBank: 'Choose a question bank', quizQuestions: '{n} questions',
    quizStart: 'Start', quizCount: 'Questions', quizQuestionOf: 'Question {i} of {n}',
    quizSubmit: 'Submit answer', quizNext: 'Next question', quizFinish: 'See my score',
    quizAgain: 'Play again', quizBanks: 'Back to the banks', quizCorrect: 'Correct!',
    quizWrong: 'Not quite.', quizPartial: 'Partly right ({p} points).',
    quizCorrectAnswer: 'correct answer', quizYourAnswer: 'your choice', quizExplanation: 'Explanation: ',
    quizSeeItem: 'See the related archive item', quizScore: 'Score: {s} / {n}',
    quizScoreDetail: '{c} of {n} answered correctly.', quizMultipleHint: '(choose every correct answer)',
    quizTrue: 'True', quizFalse: 'False', quizLoadFailed: 'The question bank could not be loaded.',
    quizPickOne: 'Choose an answer first.',
    subtitles: 'Subtitles',
  },
};

/** UI string `key` in `lang` with {name} placeholders filled from `vars`. */
export function t(lang, key, vars = {}) {
  const s = (STRINGS[lang] && STRINGS[lang][key]) ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}
