#!/usr/bin/env python3
# tests/bench: writes a generated quiz file (GIFT, Aiken or CSV) of N questions or of about N bytes
"""Usage: make_quiz_file.py FORMAT OUT (--questions N | --bytes N)

FORMAT is gift, aiken or csv. Every question is one the kiosk can play except, in GIFT, every
50th (a short answer, skipped with a warning). Texts mix Chinese and ASCII like a real bank.
With --bytes the file stops at the first question that reaches the size (so it is at most one
question larger). The output is deterministic: the same arguments give the same bytes.
"""
import argparse
import sys


def gift(i):
    if i % 50 == 49:
        return f"::短答 {i}::第 {i} 题：兰台是哪个朝代的藏书处？{{=汉代 =汉朝}}\n\n"
    if i % 3 == 0:
        return (f"// question {i}\n::题目 {i}::第 {i} 题：档案馆保存什么？\\{{原件\\}}{{\n"
                f"\t=档案 {i}#对，档案是历史的原始记录。\n\t~%50%图书#部分正确。\n\t~报纸#不对。\n"
                f"\t####档案馆保存档案原件；图书馆保存图书。\n}}\n\n")
    if i % 3 == 1:
        return (f"// [tag:兰台] [tag:test-{i % 7}]\nQuestion {i}: archives keep letters \\& photos."
                f"{{TRUE#No.#Yes.####They do.}}\n\n")
    return f"Pick the two correct answers for {i}: {{~%50%a {i} ~%50%b {i} ~%-100%c {i} # no}}\n\n"


def aiken(i):
    answer = "ABCD"[i % 4]
    return (f"第 {i} 题：档案馆保存的是哪一类材料？Which material does archive {i} keep?\n"
            f"A) 档案原件 {i}\nB) 图书 {i}\nC) 报纸 {i}\nD) Photographs {i}\nANSWER: {answer}\n\n")


CSV_HEADER = ("\ufefftype,prompt_zh,prompt_en,option_a,option_b,option_c,option_d,option_a_en,"
              "option_b_en,option_c_en,option_d_en,correct,explanation_zh,explanation_en,"
              "difficulty,tags,item\r\n")


def csv(i):
    if i % 3 == 0:
        return (f"single,第 {i} 题：国际档案日是每年的哪一天？,\"Question {i}: when is International "
                f"Archives Day, each year?\",6月9日,10月1日,3月8日,11月1日,9 June,1 October,8 March,"
                f"1 November,A,国际档案理事会于 1948 年 6 月 9 日成立。,\"The ICA was founded on "
                f"9 June 1948; it chose that day.\",{1 + i % 3},档案日;常识,\r\n")
    if i % 3 == 1:
        return (f"multiple,第 {i} 题：纸张普及以前，文字曾记录在哪些材料上？（多选）,\"Question {i}: "
                f"before paper, what was writing recorded on?\",甲骨,竹木简,塑料薄膜,青铜器,"
                f"Oracle bones,Bamboo slips,Plastic film,Bronze,A;B;D,\"纸张普及以前，文字刻在甲骨上，"
                f"\"\"铸\"\"在青铜器上。\",Plastic is a 20th-century material.,2,书写材料;历史,\r\n")
    return (f"true_false,第 {i} 题：“兰台”是汉代宫中收藏图书档案的地方。,Question {i}: the Lantai "
            f"kept the Han court's records.,,,,,,,,,true,汉代在宫中设兰台收藏图书档案。,"
            f"The historian Ban Gu served there.,3,兰台;历史,\r\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("format", choices=["gift", "aiken", "csv"])
    parser.add_argument("out")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--questions", type=int)
    size.add_argument("--bytes", type=int)
    args = parser.parse_args()
    question = {"gift": gift, "aiken": aiken, "csv": csv}[args.format]
    head = {"gift": "$CATEGORY: $course$/基准测试\n\n", "aiken": "", "csv": CSV_HEADER}[args.format]
    written = 0
    with open(args.out, "wb") as f:
        data = head.encode("utf-8")
        f.write(data)
        written += len(data)
        i = 0
        while (args.questions is not None and i < args.questions) or (
                args.bytes is not None and written < args.bytes):
            data = question(i).encode("utf-8")
            f.write(data)
            written += len(data)
            i += 1
    print(f"{args.out}: {i} questions, {written} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
