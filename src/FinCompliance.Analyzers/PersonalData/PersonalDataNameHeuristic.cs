using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace FinCompliance.Analyzers;

/// <summary>
/// The FIN3006 heuristic: does an identifier read as a piece of personal financial information, and of which kind?
/// </summary>
/// <remarks>
/// The identifier is split into words (camelCase, PascalCase, ACRONYMS, snake_case, digits; a run of CJK characters
/// is one word). A known term (<c>phone</c>, <c>card no</c>, <c>id card</c>, <c>cvv</c>, <c>sfzh</c>, …) must match
/// whole words, and only value words may follow it (<c>Number</c>, <c>No</c>, <c>Value</c>, <c>Hash</c>, digits, …):
/// the last words of a name say what the value is, so <c>PhoneCount</c>, <c>PasswordPolicyId</c>, <c>CardNoType</c> and
/// <c>MobileVerifiedAt</c> are facts about the data, not the data, while <c>userPhone</c>, <c>card_no</c>,
/// <c>PinCode</c> and <c>EmailAddress</c> are the data. Words never match inside other words (<c>PinYin</c>,
/// <c>Opinion</c>, <c>Spinner</c>, <c>Shipping</c>, <c>Hotel</c>). A leading <c>Masked</c>/<c>Last</c>/<c>Redacted</c>
/// says the value is no longer the data. A CJK term matches inside a CJK word when only 号/号码/码 follows it.
/// </remarks>
public static class PersonalDataNameHeuristic
{
    private static readonly (string[] Words, PersonalInformationKind Kind)[] Terms = Build(
        (PersonalInformationKind.IdNumber, "id card|id number|id no|id num|idcard|idno|idnumber|cert no|cert number|cert num|certno|certificate no|certificate number|identity card|identity number|identity no|national id|ssn|sfz|sfzh|sfzhm|zjhm"),
        (PersonalInformationKind.BankCardNumber, "bank card|bankcard|card no|card number|card num|card nbr|cardno|cardnumber|pan|credit card|debit card|yhk|yhkh"),
        (PersonalInformationKind.AccountNumber, "account no|account number|account num|accountno|accountnumber|acct no|acct number|acct num|acctno|iban"),
        (PersonalInformationKind.Phone, "phone|mobile|tel|telephone|cellphone|cell phone|phoneno|phonenumber|mobileno|sjh|sjhm"),
        (PersonalInformationKind.CardSecurityCode, "cvv|cvv 2|cvn|cvn 2|cvc|cvc 2|security code|securitycode"),
        (PersonalInformationKind.Password, "password|pwd|passwd|passcode"),
        (PersonalInformationKind.Pin, "pin|pin code|pincode"),
        (PersonalInformationKind.Email, "email|e mail|mail address"));

    private static readonly (string Term, PersonalInformationKind Kind)[] CjkTerms =
    {
        ("身份证", PersonalInformationKind.IdNumber),
        ("证件号", PersonalInformationKind.IdNumber),
        ("银行卡", PersonalInformationKind.BankCardNumber),
        ("卡号", PersonalInformationKind.BankCardNumber),
        ("账号", PersonalInformationKind.AccountNumber),
        ("账户号", PersonalInformationKind.AccountNumber),
        ("手机", PersonalInformationKind.Phone),
        ("电话", PersonalInformationKind.Phone),
        ("安全码", PersonalInformationKind.CardSecurityCode),
        ("密码", PersonalInformationKind.Password),
        ("邮箱", PersonalInformationKind.Email),
        ("电子邮件", PersonalInformationKind.Email),
    };

    private static readonly HashSet<string> CjkValueEndings = new(StringComparer.Ordinal) { "", "号", "号码", "码" };

    /// <summary>Words that may follow a term and still name the value itself.</summary>
    private static readonly HashSet<string> ValueWords = new(StringComparer.Ordinal)
    {
        "number", "no", "num", "nbr", "value", "text", "str", "string", "raw", "plain", "plaintext", "input",
        "address", "confirm", "confirmation", "new", "old", "encrypted", "cipher", "ciphertext", "hash", "hashed", "digest",
    };

    /// <summary>Words before a term that say the value is no longer the data itself.</summary>
    private static readonly HashSet<string> NotTheValueWords = new(StringComparer.Ordinal)
    {
        "masked", "mask", "redacted", "truncated", "obfuscated", "last", "tail", "suffix", "prefix",
    };

    private static readonly HashSet<string> HashWords = new(StringComparer.Ordinal) { "hash", "hashed", "digest" };

    /// <summary>
    /// For each term, one of its words, lower case (a term matches whole words, so that word is then a substring of the
    /// identifier whatever its case): <see cref="MayMatch"/> looks for these before splitting anything.
    /// </summary>
    private static readonly string[] Needles =
    [
        "id", "cert", "ssn", "sfz", "zjhm", "card", "pan", "yhk", "acc", "iban", "phone", "mobile", "tel", "sjh",
        "cvv", "cvn", "cvc", "security", "pwd", "pass", "pin", "mail",
    ];

    /// <summary>The kind of personal data <paramref name="identifier"/> reads as, or null.</summary>
    public static PersonalInformationKind? Match(string identifier)
    {
        if (!MayMatch(identifier))
        {
            // Most names (amount, customer, cancellationToken) hold no term word at all: no split, no allocation.
            return null;
        }

        var words = SplitWords(identifier);
        PersonalInformationKind? found = null;
        var hashed = false;
        for (var start = 0; start < words.Count && found is null; start++)
        {
            if (NotTheValueWords.Contains(words[start]))
            {
                return null;
            }

            hashed |= HashWords.Contains(words[start]);
            if (IsCjk(words[start]))
            {
                found = MatchCjk(words[start]);
                if (found is not null && !OnlyValueWordsFollow(words, start + 1, ref hashed))
                {
                    found = null;
                }

                continue;
            }

            // Longest term first, so that "cvv 2" wins over "cvv" and "pin code" over "pin".
            foreach (var (termWords, kind) in Terms)
            {
                if (Matches(words, start, termWords) && OnlyValueWordsFollow(words, start + termWords.Length, ref hashed))
                {
                    found = kind;
                    break;
                }
            }
        }

        if (found is null)
        {
            return null;
        }

        // PasswordHash, HashedPin: a credential hash, still personal data (C2) but not the credential.
        return hashed ? PersonalInformationKind.CredentialHash : found;
    }

    /// <summary>
    /// False only when <see cref="Match"/> must return null: an ASCII identifier that contains no <see cref="Needles"/>
    /// entry, ignoring case. Any non-ASCII character (a CJK term, a letter whose lower case is not ASCII's) goes the full way.
    /// </summary>
    internal static bool MayMatch(string identifier)
    {
        for (var i = 0; i < identifier.Length; i++)
        {
            if (identifier[i] > 0x7F)
            {
                return true;
            }
        }

        foreach (var needle in Needles)
        {
            if (ContainsIgnoringAsciiCase(identifier, needle))
            {
                return true;
            }
        }

        return false;
    }

    // needle is lower-case ASCII letters: c | 0x20 equals one of them only for that letter in either case.
    [MethodImpl(JitOptions.Optimized)]
    private static bool ContainsIgnoringAsciiCase(string text, string needle)
    {
        for (var start = 0; start + needle.Length <= text.Length; start++)
        {
            var k = 0;
            while (k < needle.Length && (text[start + k] | 0x20) == needle[k])
            {
                k++;
            }

            if (k == needle.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits an identifier into lower-case words: <c>userIDCard_no2</c> → user, id, card, no, 2.</summary>
    public static List<string> SplitWords(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var currentKind = CharKind.None;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
        }

        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            var kind = KindOf(c);
            if (kind == CharKind.None)
            {
                Flush();
                currentKind = CharKind.None;
                continue;
            }

            var boundary = currentKind != CharKind.None && (
                (kind == CharKind.Digit) != (currentKind == CharKind.Digit)
                || (kind == CharKind.Cjk) != (currentKind == CharKind.Cjk)
                || (kind == CharKind.Upper && currentKind == CharKind.Lower)
                // "IDCard": the last capital of a run starts the next word when a lower-case letter follows.
                || (kind == CharKind.Upper && currentKind == CharKind.Upper && i + 1 < identifier.Length && KindOf(identifier[i + 1]) == CharKind.Lower));
            if (boundary)
            {
                Flush();
            }

            current.Append(c);
            currentKind = kind;
        }

        Flush();
        return words;
    }

    private static bool Matches(List<string> words, int start, string[] term)
    {
        if (start + term.Length > words.Count)
        {
            return false;
        }

        for (var i = 0; i < term.Length; i++)
        {
            if (words[start + i] != term[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool OnlyValueWordsFollow(List<string> words, int from, ref bool hashed)
    {
        var sawHash = false;
        for (var i = from; i < words.Count; i++)
        {
            var word = words[i];
            if (!(ValueWords.Contains(word) || char.IsDigit(word[0]) || (IsCjk(word) && CjkValueEndings.Contains(word))))
            {
                return false;
            }

            sawHash |= HashWords.Contains(word);
        }

        hashed |= sawHash;
        return true;
    }

    private static PersonalInformationKind? MatchCjk(string word)
    {
        foreach (var (term, kind) in CjkTerms)
        {
            var at = word.IndexOf(term, StringComparison.Ordinal);
            if (at >= 0 && CjkValueEndings.Contains(word.Substring(at + term.Length)))
            {
                return kind;
            }
        }

        return null;
    }

    private static bool IsCjk(string word) => word.Length > 0 && KindOf(word[0]) == CharKind.Cjk;

    private static CharKind KindOf(char c)
    {
        if (c is >= 'a' and <= 'z')
        {
            return CharKind.Lower;
        }

        if (c is >= 'A' and <= 'Z')
        {
            return CharKind.Upper;
        }

        if (c is >= '0' and <= '9')
        {
            return CharKind.Digit;
        }

        return char.IsLetter(c) && c > 0x7F ? CharKind.Cjk : CharKind.None;
    }

    private static (string[] Words, PersonalInformationKind Kind)[] Build(params (PersonalInformationKind Kind, string Terms)[] groups)
    {
        var terms = new List<(string[], PersonalInformationKind)>();
        foreach (var (kind, list) in groups)
        {
            foreach (var term in list.Split('|'))
            {
                terms.Add((term.Split(' '), kind));
            }
        }

        terms.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return terms.ToArray();
    }

    private enum CharKind
    {
        None,
        Lower,
        Upper,
        Digit,
        Cjk,
    }
}
