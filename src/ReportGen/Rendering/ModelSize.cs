using System.Collections;
using System.Reflection;

namespace ReportGen.Rendering;

/// <summary>How many items a view model holds, every list at every depth counted: the measure its loops are bounded by.</summary>
internal static class ModelSize
{
    public static int Items(object model)
    {
        long count = 0;
        var stack = new Stack<object>([model]);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        while (stack.TryPop(out var item))
        {
            if (item is string || item.GetType().IsPrimitive || !seen.Add(item)) continue;
            if (item is IEnumerable list)
            {
                foreach (var element in list)
                {
                    count++;
                    if (element is not null) stack.Push(element);
                }
                continue;
            }
            if (item.GetType().Namespace?.StartsWith("ReportGen", StringComparison.Ordinal) != true) continue;
            foreach (var property in item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                if (property.GetIndexParameters().Length == 0 && property.GetValue(item) is { } value) stack.Push(value);
        }
        return (int)Math.Min(int.MaxValue, count);
    }
}
