using System.Threading.Tasks;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.SaleWithoutSuitabilityCheckAnalyzer>;

namespace FinCompliance.Analyzers.Tests.ControlFlow;

/// <summary>
/// The must-precede engine, exercised through FIN4001: each case is one method body of <c>Shop</c>; a marked
/// <c>{|FIN4001:...|}</c> call must be reported, every other call must not.
/// </summary>
public sealed class MustPrecedeEngineTests
{
    private const string Shop = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;
        using FinCompliance;

        public partial class Shop
        {
            [SuitabilityCheck] public bool IsSuitable(int customer) => customer > 0;
            [SuitabilityCheck] public bool? IsSuitableMaybe(int customer) => null;
            [SuitabilityCheck] public Task<bool> IsSuitableAsync(int customer) => Task.FromResult(customer > 0);
            [SuitabilityCheck] public ValueTask<bool> IsSuitableValueAsync(int customer) => new(customer > 0);
            [SuitabilityCheck] public void EnsureSuitable(int customer) { if (customer <= 0) throw new InvalidOperationException(); }
            [SuitabilityCheck] public Task EnsureSuitableAsync(int customer) => Task.CompletedTask;
            [SuitabilityCheck] public string Assess(int customer) => "R3";
            [SuitabilityCheck] public Task<string> AssessAsync(int customer) => Task.FromResult("R3");
            [ProductSale] public int Sell(int customer) => 1;
            [ProductSale] public Task SellAsync(int customer) => Task.CompletedTask;
            public bool Other() => true;
            public Shop? Maybe() => this;
        }

        """;

    private static Task VerifyBody(string members)
        => Verify.VerifyAnalyzerAsync(Shop + "public partial class Shop\n{\n" + members + "\n}\n");

    [Fact]
    public Task Unchecked_call_is_flagged()
        => VerifyBody("void M(int c) { {|FIN4001:Sell(c)|}; }");

    [Fact]
    public Task Bool_check_guarding_the_call_directly()
        => VerifyBody("""
            void Guarded(int c) { if (IsSuitable(c)) Sell(c); }
            void Negated(int c) { if (!IsSuitable(c)) {|FIN4001:Sell(c)|}; }
            void ElseBranch(int c) { if (IsSuitable(c)) { } else {|FIN4001:Sell(c)|}; }
            void AfterIf(int c) { if (IsSuitable(c)) Sell(c); {|FIN4001:Sell(c)|}; }
            """);

    [Fact]
    public Task Early_exit_on_failed_check()
        => VerifyBody("""
            void Return(int c) { if (!IsSuitable(c)) return; Sell(c); }
            void Throw(int c) { if (!IsSuitable(c)) throw new InvalidOperationException(); Sell(c); }
            void Continue(int[] cs) { foreach (var c in cs) { if (!IsSuitable(c)) continue; Sell(c); } }
            void Break(int[] cs) { foreach (var c in cs) { if (!IsSuitable(c)) break; Sell(c); } }
            void ExitOnSuccess(int c) { if (IsSuitable(c)) return; {|FIN4001:Sell(c)|}; }
            void NoExit(int c) { if (!IsSuitable(c)) Console.WriteLine(); {|FIN4001:Sell(c)|}; }
            void ThrowHelper(int c) { if (!IsSuitable(c)) Fail(); Sell(c); }
            void ReturningHelper(int c) { if (!IsSuitable(c)) Warn(); {|FIN4001:Sell(c)|}; }
            [System.Diagnostics.CodeAnalysis.DoesNotReturn] static void Fail() => throw new InvalidOperationException();
            static void Warn() { }
            """);

    [Fact]
    public Task Check_result_through_a_local()
        => VerifyBody("""
            void Throw(int c) { var ok = IsSuitable(c); if (!ok) throw new InvalidOperationException(); Sell(c); }
            void If(int c) { var ok = IsSuitable(c); if (ok) Sell(c); }
            void EqualsFalse(int c) { bool ok = IsSuitable(c); if (ok == false) return; Sell(c); }
            void NotEqualsTrue(int c) { bool ok = IsSuitable(c); if (ok != true) return; Sell(c); }
            void Inverted(int c) { var failed = !IsSuitable(c); if (failed) return; Sell(c); }
            void WrongPolarity(int c) { var ok = IsSuitable(c); if (ok) return; {|FIN4001:Sell(c)|}; }
            void OtherLocal(int c) { var ok = IsSuitable(c); var other = Other(); if (!other) return; {|FIN4001:Sell(c)|}; }
            """);

    [Fact]
    public Task Awaited_task_of_bool_checks()
        => VerifyBody("""
            async Task Direct(int c) { if (!await IsSuitableAsync(c)) return; Sell(c); }
            async Task ValueTaskCheck(int c) { if (await IsSuitableValueAsync(c)) await SellAsync(c); }
            async Task ConfigureAwait(int c) { if (!await IsSuitableAsync(c).ConfigureAwait(false)) return; Sell(c); }
            async Task Local(int c) { var ok = await IsSuitableAsync(c); if (!ok) return; Sell(c); }
            void Result(int c) { if (IsSuitableAsync(c).Result) Sell(c); }
            async Task AwaitedButIgnored(int c) { await IsSuitableAsync(c); {|FIN4001:Sell(c)|}; }
            void NotAwaited(int c) { var pending = IsSuitableAsync(c); {|FIN4001:Sell(c)|}; }
            """);

    [Fact]
    public Task Conditional_and_or()
        => VerifyBody("""
            void And(int c) { if (IsSuitable(c) && Other()) Sell(c); }
            void AndSecond(int c) { if (Other() && IsSuitable(c)) Sell(c); }
            void OrExit(int c) { if (!IsSuitable(c) || !Other()) return; Sell(c); }
            void AndLocal(int c) { var ok = IsSuitable(c) && Other(); if (!ok) return; Sell(c); }
            void Or(int c) { if (IsSuitable(c) || Other()) {|FIN4001:Sell(c)|}; }
            void OrLocal(int c) { var ok = IsSuitable(c) || Other(); if (ok) {|FIN4001:Sell(c)|}; }
            void AndExit(int c) { if (!IsSuitable(c) && !Other()) return; {|FIN4001:Sell(c)|}; }
            """);

    [Fact]
    public Task Void_and_task_checks_count_by_completing()
        => VerifyBody("""
            void Void(int c) { EnsureSuitable(c); Sell(c); }
            async Task AwaitedTask(int c) { await EnsureSuitableAsync(c); await SellAsync(c); }
            void TaskNotAwaited(int c) { _ = EnsureSuitableAsync(c); {|FIN4001:Sell(c)|}; }
            void OtherResult(int c) { var level = Assess(c); Sell(c); }
            async Task AwaitedOtherResult(int c) { var level = await AssessAsync(c); Sell(c); }
            void OtherResultTaskNotAwaited(int c) { var pending = AssessAsync(c); {|FIN4001:Sell(c)|}; }
            void IgnoredBool(int c) { IsSuitable(c); {|FIN4001:Sell(c)|}; }
            """);

    [Fact]
    public Task Try_catch_that_swallows_the_failure_does_not_count()
        => VerifyBody("""
            void InsideTry(int c) { try { EnsureSuitable(c); Sell(c); } catch (InvalidOperationException) { } }
            void AfterSwallow(int c) { try { EnsureSuitable(c); } catch (InvalidOperationException) { } {|FIN4001:Sell(c)|}; }
            void InCatch(int c) { try { EnsureSuitable(c); } catch (InvalidOperationException) { {|FIN4001:Sell(c)|}; } }
            void CatchRethrows(int c) { try { EnsureSuitable(c); } catch (InvalidOperationException) { throw; } Sell(c); }
            void BeforeTry(int c) { EnsureSuitable(c); try { Sell(c); } catch (IOException) { Sell(c); } finally { Sell(c); } }
            void InFinally(int c) { try { EnsureSuitable(c); } finally { {|FIN4001:Sell(c)|}; } }
            """);

    [Fact]
    public Task Loops()
        => VerifyBody("""
            void CheckInBody(int[] cs) { foreach (var c in cs) { if (IsSuitable(c)) Sell(c); } }
            void CheckBeforeLoop(int c, int n) { if (!IsSuitable(c)) return; for (var i = 0; i < n; i++) Sell(c); }
            void While(int c) { while (Other()) { EnsureSuitable(c); Sell(c); } }
            void CheckLaterInBody(int[] cs) { foreach (var c in cs) { {|FIN4001:Sell(c)|}; EnsureSuitable(c); } }
            void CheckOnlyInFirstIteration(int c, int n) { var ok = false; for (var i = 0; i < n; i++) { if (i == 0) ok = IsSuitable(c); if (ok) Sell(c); } }
            void CheckAfterLoopBody(int c, int n) { var ok = true; while (n-- > 0) { if (!ok) return; {|FIN4001:Sell(c)|}; ok = IsSuitable(c); } }
            """);

    [Fact]
    public Task Check_after_the_call_or_on_some_paths_does_not_count()
        => VerifyBody("""
            void After(int c) { {|FIN4001:Sell(c)|}; EnsureSuitable(c); }
            void SomePaths(int c, bool vip) { if (!vip) EnsureSuitable(c); {|FIN4001:Sell(c)|}; }
            void AllPaths(int c, bool vip) { if (vip) EnsureSuitable(c); else EnsureSuitable(c + 1); Sell(c); }
            void Switch(int c, int kind) { switch (kind) { case 1: EnsureSuitable(c); break; case 2: return; default: EnsureSuitable(c); break; } Sell(c); }
            void SwitchMissingCase(int c, int kind) { switch (kind) { case 1: EnsureSuitable(c); break; default: break; } {|FIN4001:Sell(c)|}; }
            """);

    [Fact]
    public Task Reassigned_local_proves_nothing()
        => VerifyBody("""
            void SetTrue(int c) { var ok = IsSuitable(c); ok = true; if (ok) {|FIN4001:Sell(c)|}; }
            void SetOther(int c) { var ok = IsSuitable(c); ok = Other(); if (!ok) return; {|FIN4001:Sell(c)|}; }
            void Compound(int c) { var ok = IsSuitable(c); ok |= Other(); if (ok) {|FIN4001:Sell(c)|}; }
            void OutArgument(int c) { var ok = IsSuitable(c); Parse(out ok); if (ok) {|FIN4001:Sell(c)|}; }
            void ReassignedOnOnePath(int c) { var ok = IsSuitable(c); if (Other()) ok = Other(); if (ok) {|FIN4001:Sell(c)|}; }
            void ReassignedToACheck(int c) { var ok = Other(); ok = IsSuitable(c); if (ok) Sell(c); }
            static void Parse(out bool value) => value = true;
            """);

    [Fact]
    public Task Lambdas_and_local_functions_need_their_own_check()
        => VerifyBody("""
            void OuterCheck(int c) { EnsureSuitable(c); Action later = () => {|FIN4001:Sell(c)|}; later(); }
            void OwnCheck(int c) { Action later = () => { EnsureSuitable(c); Sell(c); }; later(); }
            void LocalFunction(int c) { EnsureSuitable(c); Local(); void Local() => {|FIN4001:Sell(c)|}; }
            void LocalFunctionWithCheck(int c) { Local(); void Local() { if (IsSuitable(c)) Sell(c); } }
            void Nested(int c) { Func<Func<int>> f = () => () => {|FIN4001:Sell(c)|}; }
            Func<int, int> Field => c => IsSuitable(c) ? Sell(c) : 0;
            """);

    [Fact]
    public Task Using_switch_patterns_conditional_access_and_ternaries()
        => VerifyBody("""
            void Using(int c) { using (var stream = new MemoryStream()) { if (!IsSuitable(c)) return; Sell(c); } Sell(c); }
            void UsingDeclaration(int c) { using var stream = new MemoryStream(); EnsureSuitable(c); Sell(c); }
            void IsTrue(int c) { if (IsSuitable(c) is true) Sell(c); }
            void IsFalse(int c) { if (IsSuitable(c) is false) return; Sell(c); }
            void IsNotTrue(int c) { if (IsSuitable(c) is not true) return; Sell(c); }
            void NullableIsTrue(int c) { if (IsSuitableMaybe(c) is true) Sell(c); }
            void NullableEqualsTrue(int c) { if (IsSuitableMaybe(c) == true) Sell(c); }
            void NullableNotFalse(int c) { if (IsSuitableMaybe(c) != false) {|FIN4001:Sell(c)|}; }
            void SwitchOnCheck(int c) { switch (IsSuitable(c)) { case true: Sell(c); break; case false: {|FIN4001:Sell(c)|}; break; } }
            int SwitchExpression(int c) => IsSuitable(c) switch { true => Sell(c), false => 0 };
            void ConditionalAccess(int c) { if (!IsSuitable(c)) return; Maybe()?.Sell(c); }
            void ConditionalAccessUnchecked(int c) { Maybe()?{|FIN4001:.Sell(c)|}; }
            int Ternary(int c) => IsSuitable(c) ? Sell(c) : 0;
            int TernaryWrongBranch(int c) => IsSuitable(c) ? 0 : {|FIN4001:Sell(c)|};
            void TernaryLocal(int c) { var ok = IsSuitable(c) ? Other() : false; if (ok) Sell(c); }
            """);

    [Fact]
    public Task Broken_code_does_not_throw()
        => Verify.VerifyAnalyzerAsync(Shop + """
            public partial class Shop
            {
                void M(int c)
                {
                    if (!{|CS0103:Unknown|}(c)) return;
                    {|FIN4001:Sell(c)|};
                    {|CS0103:Undefined|}();
                    Sell({|CS0103:missing|}); // an invalid call binds to no method: nothing to report
                    {|CS7036:Sell|}();
                }
            }
            """);
}
